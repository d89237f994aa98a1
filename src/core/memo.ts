// Per-case memoisation for helpers many rules ask for (qualifying fractures, bone density, the
// indication, the laboratory picture). One WeakMap entry per case object holds every memoised
// result for that case, so nothing outlives the case and the result depends only on the arguments:
// purity and determinism are kept, repeated work is not. (One entry per case rather than one
// WeakMap per helper: each weak entry costs the garbage collector, and a case is evaluated once.)
import type { Case } from './case.schema.js';
import type { Settings } from './settings.js';

type Slots = Map<object, unknown>;
const perCase = new WeakMap<Case, Slots>();

function slotsOf(c: Case): Slots {
  let slots = perCase.get(c);
  if (slots === undefined) {
    slots = new Map();
    perCase.set(c, slots);
  }
  return slots;
}

export function memoCase<R>(fn: (c: Case) => R): (c: Case) => R {
  const key = {};
  return (c) => {
    const slots = slotsOf(c);
    if (slots.has(key)) return slots.get(key) as R;
    const r = fn(c);
    slots.set(key, r);
    return r;
  };
}

export function memoCaseSettings<R>(fn: (c: Case, s: Settings) => R): (c: Case, s: Settings) => R {
  const key = {};
  return (c, s) => {
    const slots = slotsOf(c);
    // Almost always one Settings object per case; a second one gets its own small map.
    let bySettings = slots.get(key) as Map<Settings, R> | undefined;
    if (bySettings === undefined) {
      bySettings = new Map();
      slots.set(key, bySettings);
    }
    if (bySettings.has(s)) return bySettings.get(s) as R;
    const r = fn(c, s);
    bySettings.set(s, r);
    return r;
  };
}
