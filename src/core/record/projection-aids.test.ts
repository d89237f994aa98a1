// The Case's last aids check is the oldest of the aids' last checks (clinical-rules.md §12,
// LEAFLET-EMB: every aid is checked as the child grows, so the one checked longest ago decides).
import { describe, expect, it } from 'vitest';
import type { RecordEntry } from './entries.js';
import { projectCase } from './projection.js';

const CHILD = { birthDate: '2016-06-20', sex: 'female' as const };
const AS_OF = '2026-11-23';
const FRAME = '0b6f1a52-6c8e-4d8e-9a55-4b8f3f1c0a01';
const CHAIR = '0b6f1a52-6c8e-4d8e-9a55-4b8f3f1c0a02';
const base: RecordEntry = { kind: 'child', date: '2026-01-10', data: { mobility: 'wheelchair' } };
const check = (date: string, aid: string | undefined, heightCm?: number): RecordEntry =>
  ({ kind: 'aids-check', date, data: { ...(aid ? { aid } : {}), ...(heightCm !== undefined ? { heightCm } : {}) } });
const child = (entries: RecordEntry[]) => projectCase(CHILD, [base, ...entries], AS_OF).child;

describe('projection: the last aids check is the oldest of the aids\' last checks', () => {
  const rows: [string, RecordEntry[], string | undefined, number | undefined][] = [
    ['no check at all', [], undefined, undefined],
    ['one aid, checked twice: its latest check', [check('2026-03-01', FRAME, 120), check('2026-09-01', FRAME, 123)], '2026-09-01', 123],
    ['two aids: the one checked longest ago decides', [check('2026-09-01', FRAME, 123), check('2026-04-01', CHAIR, 121)], '2026-04-01', 121],
    ['two aids, the older one checked again since: the other decides', [check('2026-04-01', CHAIR, 121), check('2026-09-01', FRAME, 123), check('2026-10-01', CHAIR, 124)], '2026-09-01', 123],
    ['checks naming no aid count as one aid', [check('2026-02-01', undefined, 119), check('2026-05-01', undefined, 120), check('2026-08-01', FRAME)], '2026-05-01', 120],
    ['a check after the day asked about is not read', [check('2026-06-01', FRAME, 122), check('2026-12-01', FRAME, 125)], '2026-06-01', 122],
  ];
  it.each(rows)('%s', (_name, entries, last, height) => {
    const c = child(entries);
    expect(c?.lastAidsCheck).toBe(last);
    expect(c?.heightCmAtLastAidsCheck).toBe(height);
  });
});
