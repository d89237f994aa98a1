// Per-case memoisation for helpers many rules ask for (qualifying fractures, bone density, the
// indication, the laboratory picture). During evaluate() the results live with the running
// evaluation (see `withCase`) and are dropped when it ends; a helper called outside an evaluation
// keeps its results in one WeakMap entry per case object. Either way nothing outlives the case and
// the result depends only on the arguments: purity and determinism are kept, repeated work is not.
// (Weak entries cost the garbage collector: one per evaluation was about a third of its time.)
import type { Case } from './case.schema.js';
import type { Settings } from './settings.js';

type Slots = Map<object, unknown>;
const perCase = new WeakMap<Case, Slots>();

/**
 * The case evaluate() is running now and its results, so the rules' helpers find them without a
 * weak-map lookup, and a weak entry (costly for the garbage collector, once per evaluation) is only
 * made for helpers called outside an evaluation. Cleared when the evaluation ends: nothing outlives it.
 */
let running: { readonly c: Case; readonly slots: Slots } | undefined;

/** Runs `fn` with `c` as the running case (evaluate() wraps its rule loop in this). */
export function withCase<R>(c: Case, fn: () => R): R {
  const outer = running;
  running = { c, slots: new Map() };
  try {
    return fn();
  } finally {
    running = outer;
  }
}

function slotsOf(c: Case): Slots {
  if (running !== undefined && running.c === c) return running.slots;
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
