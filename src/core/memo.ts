// Per-case memoisation for helpers many rules ask for (qualifying fractures, bone density, the
// indication, the laboratory picture). During evaluate() the results live with the running
// evaluation (see `withCase`) and are dropped when it ends; a helper called outside an evaluation
// keeps its results in one WeakMap entry per case object. Either way nothing outlives the case and
// the result depends only on the arguments: purity and determinism are kept, repeated work is not.
// (Weak entries cost the garbage collector: one per evaluation was about a third of its time.)
import type { Case } from './case.schema.js';
import type { Settings } from './settings.js';

/**
 * One case's results, indexed by the helper's number (given when the helper is made, at module
 * load): an array read instead of a hash lookup, which the rules do about forty times per
 * evaluation. An empty slot is a hole; a helper that returned `undefined` leaves UNDEFINED.
 */
type Slots = unknown[];
const UNDEFINED = Symbol('undefined result');
const perCase = new WeakMap<Case, Slots>();
/** How many helpers have been made; the next one's slot number. */
let helpers = 0;

/**
 * The case evaluate() is running now and its results, so the rules' helpers find them without a
 * weak-map lookup, and a weak entry (costly for the garbage collector, once per evaluation) is only
 * made for helpers called outside an evaluation. Cleared when the evaluation ends: nothing outlives it.
 */
let running: { readonly c: Case; readonly slots: Slots } | undefined;

/** Runs `fn` with `c` as the running case (evaluate() wraps its rule loop in this). */
export function withCase<R>(c: Case, fn: () => R): R {
  const outer = running;
  running = { c, slots: [] };
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
    slots = [];
    perCase.set(c, slots);
  }
  return slots;
}

export function memoCase<R>(fn: (c: Case) => R): (c: Case) => R {
  const slot = helpers++;
  return (c) => {
    const slots = slotsOf(c);
    const kept = slots[slot];
    if (kept !== undefined) return (kept === UNDEFINED ? undefined : kept) as R;
    const r = fn(c);
    slots[slot] = r === undefined ? UNDEFINED : r;
    return r;
  };
}

/** A helper's results for one case: the first Settings object's inline, any other in a map. */
interface BySettings<R> {
  readonly s: Settings;
  readonly r: R;
  others: Map<Settings, R> | undefined;
}

export function memoCaseSettings<R>(fn: (c: Case, s: Settings) => R): (c: Case, s: Settings) => R {
  const slot = helpers++;
  return (c, s) => {
    const slots = slotsOf(c);
    // Almost always one Settings object per case; a second one gets its own small map.
    const kept = slots[slot] as BySettings<R> | undefined;
    if (kept === undefined) {
      const r = fn(c, s);
      slots[slot] = { s, r, others: undefined } satisfies BySettings<R>;
      return r;
    }
    if (kept.s === s) return kept.r;
    if (kept.others === undefined) kept.others = new Map();
    else if (kept.others.has(s)) return kept.others.get(s) as R;
    const r = fn(c, s);
    kept.others.set(s, r);
    return r;
  };
}
