// Per-case memoisation for helpers many rules ask for (qualifying fractures, bone density, the
// indication). Keyed by object identity in WeakMaps, so nothing outlives the case and the result
// depends only on the arguments: purity and determinism are kept, repeated work is not.
import type { Case } from './case.schema.js';
import type { Settings } from './settings.js';

export function memoCase<R>(fn: (c: Case) => R): (c: Case) => R {
  const cache = new WeakMap<Case, R>();
  return (c) => {
    if (cache.has(c)) return cache.get(c) as R;
    const r = fn(c);
    cache.set(c, r);
    return r;
  };
}

export function memoCaseSettings<R>(fn: (c: Case, s: Settings) => R): (c: Case, s: Settings) => R {
  const cache = new WeakMap<Case, WeakMap<Settings, R>>();
  return (c, s) => {
    let inner = cache.get(c);
    if (!inner) {
      inner = new WeakMap();
      cache.set(c, inner);
    }
    if (inner.has(s)) return inner.get(s) as R;
    const r = fn(c, s);
    inner.set(s, r);
    return r;
  };
}
