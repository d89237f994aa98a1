// The demo's first measurement passes the record's own entry schema and scores as the progress page shows it.
import { describe, expect, it } from 'vitest';
import { progressOf } from '../core/measures/progress.js';
import { entrySchema } from '../core/record/entries.js';
import { demoProgress } from './demo-progress.js';

describe('the demo progress', () => {
  it('is a valid therapy start and measurement, scored by the core', () => {
    const today = '2026-12-07';
    const { therapy, measurement } = demoProgress(today);
    expect(entrySchema(today).safeParse({ kind: 'exercise-therapy', ...therapy }).success).toBe(true);
    const parsed = entrySchema(today).safeParse({ kind: 'exercise-measurement', ...measurement });
    expect(parsed.error?.issues ?? []).toEqual([]);
    const p = progressOf({ person: { birthDate: '1950-01-01', sex: 'female' }, measurements: [measurement], therapies: [therapy], asOf: today, overdueGraceDays: 14 });
    // Balance 2 + 1 (tandem 3–9.99 s), gait 3, chair stands 2: SPPB 8, intermediate; stage 2 held, tandem not.
    expect(p.series.sppb.points[0]).toMatchObject({ value: 8, verdict: { band: 'intermediate' } });
    expect(p.series['four-stage-balance'].points[0]).toMatchObject({ value: 2, verdict: { held: false } });
    expect(p.next).toEqual({ due: '2027-02-28', status: 'planned' });
  });
});
