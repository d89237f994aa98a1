// Today's calendar date in the Netherlands: the `asOf` every clinical and access rule gets, and the
// day a date of birth may not be after (patient.schema.ts). Here, beside the shapes, because both
// the use cases and the edge's checks read it; the core never does.
// Computed with Intl (the platform's time-zone data) and reused for a second, because it sits on
// the path of every record read.
const FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

let cached = { until: 0, value: '' };

export function todayNl(now: number = Date.now()): string {
  if (now < cached.until && now >= cached.until - 1000) return cached.value;
  const value = FORMAT.format(now);
  cached = { until: now + 1000, value };
  return value;
}

/** The Dutch calendar date of an instant (a moment something was recorded or signed). */
export function dayInNl(instant: number): string {
  return FORMAT.format(instant);
}
