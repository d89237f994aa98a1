// Sorting the short lists the rules sort (a few dates, paths, reasons or courses). V8's
// Array.prototype.sort costs a fixed few hundred nanoseconds even for three elements, and an
// evaluation sorts a dozen such lists; an insertion sort costs a few comparisons. Both are stable,
// so with the same comparator they give the same order; longer lists still go to the engine.
const SHORT = 16;

/** Sorts `xs` in place by `cmp`, stably, and returns it (as `xs.sort(cmp)` does). */
export function sortBy<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  if (xs.length > SHORT) return xs.sort(cmp);
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i] as T;
    let j = i - 1;
    // Strictly greater only: equal elements keep their order.
    while (j >= 0 && cmp(xs[j] as T, x) > 0) {
      xs[j + 1] = xs[j] as T;
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}

/** Sorts strings in place by UTF-16 code units and returns them (as `xs.sort()` does). */
export function sortText(xs: string[]): string[] {
  if (xs.length > SHORT) return xs.sort();
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i] as string;
    let j = i - 1;
    while (j >= 0 && (xs[j] as string) > x) {
      xs[j + 1] = xs[j] as string;
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}
