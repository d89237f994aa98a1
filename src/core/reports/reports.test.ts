import { describe, expect, it } from 'vitest';
import { entrySchema } from '../record/entries.js';
import { fractureEntryOf, REPORT_SITES, reportIdOfKey, reportItemKey, sinceProblem } from './reports.js';

describe('a reported fracture as a record entry', () => {
  it('says high energy only as the patient told it', () => {
    expect(fractureEntryOf({ since: '2026-12-01', site: 'wrist', cause: 'low-fall' })).toEqual({ kind: 'fracture', date: '2026-12-01', data: { site: 'wrist', highEnergy: false } });
    expect(fractureEntryOf({ since: '2026-12-01', site: 'hip', cause: 'accident' }).data).toEqual({ site: 'hip', highEnergy: true });
    expect(fractureEntryOf({ since: '2026-12-01', site: 'other', cause: 'unknown' }).data).toEqual({ site: 'other' });
  });

  it('passes the record\'s own entry check for every site a patient can choose', () => {
    const schema = entrySchema('2026-12-07');
    for (const site of REPORT_SITES) expect(schema.safeParse(fractureEntryOf({ since: '2026-12-01', site, cause: 'low-fall' })).success, site).toBe(true);
  });
});

describe('the day a report is about', () => {
  it('lies today or up to two years back', () => {
    expect(sinceProblem('2026-12-07', '2026-12-07')).toBeUndefined();
    expect(sinceProblem('2026-12-08', '2026-12-07')).toBe('in-future');
    expect(sinceProblem('2024-12-07', '2026-12-07')).toBeUndefined();
    expect(sinceProblem('2024-12-06', '2026-12-07')).toBe('too-long-ago');
  });
});

describe('the worklist key of a report', () => {
  it('reads back the report it was made for, and nothing from other keys', () => {
    const id = '6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d';
    expect(reportIdOfKey(reportItemKey(id))).toBe(id);
    expect(reportIdOfKey(`task:${id}`)).toBeUndefined();
    expect(reportIdOfKey('alert:medication.denosumab-late:2026-01-01')).toBeUndefined();
  });
});
