// Table of FLS time-target cases (clinical-rules.md §8, FLS timing), each boundary on both sides.
// asOf is the builder's reference date, 2026-11-23.
import type { Row } from '../testing/rows.js';
import { makeCase } from '../testing/builder.js';

const wrist = (date: string) => ({ date, site: 'wrist' as const });
const alen = (start: string, end?: string) => ({ drug: 'alendronic-acid' as const, start, ...(end ? { end } : {}) });
const dxa = (date: string) => ({ date, site: 'total-hip' as const, tScore: -2.6 });
const code = 'follow-up.fls-timing';

// Fracture 2026-06-02: day 84 = 2026-08-25, day 90 = 2026-08-31, day 112 = 2026-09-22, day 364 = 2027-06-01.
export const flsRows: Row[] = [
  { spec: '§1 (clarified) the value of follow-up.fls-timing has exactly the keys of the contract', code,
    input: makeCase({ fractures: [wrist('2026-06-02')], dxa: [dxa('2026-08-20')], contacts: [{ kind: '3-months', date: '2026-09-01' }] }),
    value: { indexFracture: '2026-06-02', dxaWithinIofTwelveWeeks: true, items: [
      { kpi: 'dxa-within-90-days', from: '2026-06-02', by: '2026-08-31', status: 'met', on: '2026-08-20' },
      { kpi: 'monitoring-contact-12-16-weeks', from: '2026-08-25', by: '2026-09-22', status: 'met', on: '2026-09-01' },
      { kpi: 'medication-by-16-weeks', from: '2026-06-02', by: '2026-09-22', status: 'not-met' },
      { kpi: 'on-medication-at-52-weeks', from: '2027-06-01', by: '2027-06-01', status: 'open' },
    ] },
    criteria: { 'dxa-within-90-days': 'met', 'medication-by-16-weeks': 'not-met', 'on-medication-at-52-weeks': 'unknown' } },
  { spec: '§8 FLS: DXA on day 90, contact on day 84, medication on day 112: all met; week 52 still open', code,
    input: makeCase({ fractures: [wrist('2026-06-02')], dxa: [dxa('2026-08-31')], contacts: [{ kind: '3-months', date: '2026-08-25' }], medications: [alen('2026-09-22')] }),
    severity: 'info', like: { indexFracture: '2026-06-02', dxaWithinIofTwelveWeeks: false, items: [
      { kpi: 'dxa-within-90-days', by: '2026-08-31', status: 'met', on: '2026-08-31' },
      { kpi: 'monitoring-contact-12-16-weeks', from: '2026-08-25', by: '2026-09-22', status: 'met', on: '2026-08-25' },
      { kpi: 'medication-by-16-weeks', by: '2026-09-22', status: 'met', on: '2026-09-22' },
      { kpi: 'on-medication-at-52-weeks', by: '2027-06-01', status: 'open' },
    ] } },
  { spec: '§8 FLS: DXA on day 91 misses the 90 days', code,
    input: makeCase({ fractures: [wrist('2026-06-02')], dxa: [dxa('2026-09-01')] }),
    severity: 'attention', like: { items: [{ kpi: 'dxa-within-90-days', status: 'not-met' }, {}, {}, {}] }, explains: 'DXA en beoordeling ≤ 90 dagen: niet gehaald' },
  { spec: '§8 FLS (IOF): DXA on day 84 is within 12 weeks', code,
    input: makeCase({ fractures: [wrist('2026-06-02')], dxa: [dxa('2026-08-25')] }),
    like: { dxaWithinIofTwelveWeeks: true, items: [{ status: 'met' }, {}, {}, {}] } },
  { spec: '§8 FLS (IOF): DXA on day 85 is within 90 days but not within 12 weeks', code,
    input: makeCase({ fractures: [wrist('2026-06-02')], dxa: [dxa('2026-08-26')] }),
    like: { dxaWithinIofTwelveWeeks: false, items: [{ status: 'met' }, {}, {}, {}] } },
  { spec: '§8 FLS: a contact on day 83 is before the 12–16-week window', code,
    input: makeCase({ fractures: [wrist('2026-06-02')], contacts: [{ kind: '3-months', date: '2026-08-24' }] }),
    like: { items: [{}, { kpi: 'monitoring-contact-12-16-weeks', status: 'not-met' }, {}, {}] } },
  { spec: '§8 FLS: a contact on day 113 is after the 12–16-week window', code,
    input: makeCase({ fractures: [wrist('2026-06-02')], contacts: [{ kind: 'review', date: '2026-09-23' }] }),
    like: { items: [{}, { status: 'not-met' }, {}, {}] } },
  { spec: '§8 FLS: medication started on day 113 is too late', code,
    input: makeCase({ fractures: [wrist('2026-06-02')], medications: [alen('2026-09-23')] }),
    severity: 'attention', like: { items: [{}, {}, { kpi: 'medication-by-16-weeks', status: 'not-met' }, {}] } },
  { spec: '§8 FLS: medication already running at the fracture counts as started', code,
    input: makeCase({ fractures: [wrist('2026-06-02')], medications: [alen('2025-01-10')] }),
    like: { items: [{}, {}, { status: 'met', on: '2025-01-10' }, {}] } },
  { spec: '§8 FLS: medication stopped before the fracture does not count', code,
    input: makeCase({ fractures: [wrist('2026-06-02')], medications: [alen('2020-01-10', '2025-01-10')] }),
    like: { items: [{}, {}, { status: 'not-met' }, {}] } },
  { spec: '§8 FLS: 60 days after the fracture the DXA is still open, and the patient is told the next step', code,
    input: makeCase({ fractures: [wrist('2026-09-24')] }),
    severity: 'info', like: { items: [{ status: 'open', by: '2026-12-23' }, { status: 'open' }, { status: 'open' }, { status: 'open' }] }, explains: 'De volgende stap is de botmeting' },
  { spec: '§8 FLS: on medication on day 364 (fracture 2025-11-20) meets week 52', code,
    input: makeCase({ fractures: [wrist('2025-11-20')], medications: [alen('2025-12-01')] }),
    like: { items: [{}, {}, { status: 'met' }, { kpi: 'on-medication-at-52-weeks', by: '2026-11-19', status: 'met', on: '2025-12-01' }] } },
  { spec: '§8 FLS: stopped the day before week 52 does not meet it', code,
    input: makeCase({ fractures: [wrist('2025-11-20')], medications: [alen('2025-12-01', '2026-11-18')] }),
    severity: 'attention', like: { items: [{}, {}, { status: 'met' }, { status: 'not-met' }] } },
  { spec: '§8 FLS: week 52 falls after asOf (fracture 2025-11-25): open', code,
    input: makeCase({ fractures: [wrist('2025-11-25')], medications: [alen('2025-12-01')] }),
    like: { items: [{}, {}, {}, { by: '2026-11-24', status: 'open' }] } },
  { spec: '§8 FLS: the latest qualifying fracture is the index', code,
    input: makeCase({ fractures: [wrist('2025-03-01'), wrist('2026-06-02'), { date: '2026-10-01', site: 'wrist', highEnergy: true }] }),
    like: { indexFracture: '2026-06-02' } },
  { spec: '§8 FLS: a waived work-up waives the DXA target', code,
    input: makeCase({ fractures: [wrist('2026-06-02')], workupWaived: { reason: 'declined', by: 'dr. A', date: '2026-06-10' } }),
    like: { items: [{ kpi: 'dxa-within-90-days', status: 'waived' }, {}, {}, {}] } },
  { spec: '§8 FLS: no qualifying fracture (high energy), no targets', code,
    input: makeCase({ fractures: [{ date: '2026-06-02', site: 'wrist', highEnergy: true }] }), value: 'absent' },
  { spec: '§8 FLS: a fracture more than 2 years ago starts no targets', code,
    input: makeCase({ fractures: [wrist('2024-11-23')] }), value: 'absent' },
];
