// Table of cases for children with severe multiple disabilities (clinical-rules.md §12).
import { bornAged } from '../testing/builder.js';
import type { Row } from '../testing/rows.js';
import { makeCase } from '../testing/builder.js';

const kid = (age = 8) => ({ birthDate: bornAged(age), sex: 'male' as const, menopause: undefined });

export const childRows: Row[] = [
  { spec: '§12 wheelchair: high, with the observed 75 %', code: 'child.bone-quality-risk',
    input: makeCase({ person: kid(), child: { mobility: 'wheelchair' } }), like: { level: 'high' }, severity: 'attention', explains: '75%' },
  { spec: '§12 bedbound: high', code: 'child.bone-quality-risk',
    input: makeCase({ person: kid(), child: { mobility: 'bedbound' } }), like: { level: 'high' } },
  { spec: '§12 walking aid: increased, with the observed 65 %', code: 'child.bone-quality-risk',
    input: makeCase({ person: kid(), child: { mobility: 'walking-aid' } }), like: { level: 'increased' }, explains: '65%' },
  { spec: '§12 independent walker without other risk factors: baseline, with the observed 40 %', code: 'child.bone-quality-risk',
    input: makeCase({ person: kid(), child: { mobility: 'independent-walker' } }), like: { level: 'baseline' }, severity: 'info', explains: '40%' },
  { spec: '§12 independent walker on an anti-epileptic: raised', code: 'child.bone-quality-risk',
    input: makeCase({ person: kid(), child: { mobility: 'independent-walker' }, riskFactors: { antiEpileptics: 1 } }), like: { level: 'raised' } },
  { spec: '§12 independent walker mostly indoors: raised', code: 'child.bone-quality-risk',
    input: makeCase({ person: kid(), child: { mobility: 'independent-walker', indoorsMostly: true } }), like: { level: 'raised' } },
  { spec: '§12 not a child record: no child conclusions', code: 'child.bone-quality-risk', input: makeCase({}), value: 'absent' },

  { spec: '§12 loading starts at age 2 (age 1: nothing)', code: 'child.loading',
    input: makeCase({ person: kid(1), child: { mobility: 'bedbound', movementMinutesPerDay: 0 } }), value: 'absent' },
  { spec: '§12 age 2 with 20 minutes of movement: attention', code: 'child.loading',
    input: makeCase({ person: kid(2), child: { mobility: 'walking-aid', movementMinutesPerDay: 20, standingMinutesPerDay: 30 } }),
    like: { reasons: ['daily-weight-bearing', 'movement-30-60-minutes', 'movement-below-target'] }, severity: 'attention' },
  { spec: '§12 30 minutes of movement meets the target', code: 'child.loading',
    input: makeCase({ person: kid(), child: { mobility: 'walking-aid', movementMinutesPerDay: 30, standingMinutesPerDay: 30 } }),
    like: { reasons: ['daily-weight-bearing', 'movement-30-60-minutes'] }, severity: 'info' },
  { spec: '§12 no standing at all: attention', code: 'child.loading',
    input: makeCase({ person: kid(), child: { mobility: 'wheelchair', movementMinutesPerDay: 45, standingMinutesPerDay: 0 } }),
    like: { reasons: ['daily-weight-bearing', 'movement-30-60-minutes', 'no-daily-standing'] }, severity: 'attention' },
  { spec: '§1 no loading log: advice, log listed missing', code: 'child.loading',
    input: makeCase({ person: kid(), child: { mobility: 'wheelchair' } }), severity: 'info', missing: ['child.movementMinutesPerDay', 'child.standingMinutesPerDay'] },

  { spec: '§12 aids check exactly 6 months after the last: due', code: 'child.aids-check-due',
    input: makeCase({ person: kid(), child: { mobility: 'wheelchair', lastAidsCheck: '2026-05-23' } }), like: { due: '2026-11-23', reason: 'interval' }, severity: 'attention' },
  { spec: '§12 aids check a day short of 6 months: planned', code: 'child.aids-check-due',
    input: makeCase({ person: kid(), child: { mobility: 'wheelchair', lastAidsCheck: '2026-05-24' } }), like: { due: '2026-11-24', reason: 'interval' }, severity: 'info' },
  { spec: '§12 aids check interval is configurable (3 months)', code: 'child.aids-check-due', settings: { aidsCheckIntervalMonths: 3 },
    input: makeCase({ person: kid(), child: { mobility: 'wheelchair', lastAidsCheck: '2026-08-31' } }), like: { due: '2026-11-30', reason: 'interval' }, severity: 'info' },
  { spec: '§12 grew 3 cm since the last check: due now', code: 'child.aids-check-due',
    input: makeCase({ person: { ...kid(), heightCm: 101.2 }, child: { mobility: 'walking-aid', lastAidsCheck: '2026-09-01', heightCmAtLastAidsCheck: 98.2 } }),
    like: { due: '2026-11-23', reason: 'growth' }, severity: 'attention' },
  { spec: '§12 grew 2.9 cm: the interval still rules', code: 'child.aids-check-due',
    input: makeCase({ person: { ...kid(), heightCm: 101.1 }, child: { mobility: 'walking-aid', lastAidsCheck: '2026-09-01', heightCmAtLastAidsCheck: 98.2 } }),
    like: { due: '2027-03-01', reason: 'interval' }, severity: 'info' },
  { spec: '§1/§12 no height now: growth cannot be judged, listed missing', code: 'child.aids-check-due',
    input: makeCase({ person: kid(), child: { mobility: 'walking-aid', lastAidsCheck: '2026-09-01', heightCmAtLastAidsCheck: 98.2 } }),
    like: { reason: 'interval' }, missing: ['person.heightCm'] },
  { spec: '§12 no check recorded: due now', code: 'child.aids-check-due',
    input: makeCase({ person: kid(), child: { mobility: 'wheelchair' } }), like: { due: '2026-11-23', reason: 'no-check-recorded' }, severity: 'attention' },

  { spec: '§12 weight not recorded: null, attention', code: 'child.weight',
    input: makeCase({ person: kid(), child: { mobility: 'wheelchair' } }), like: null, severity: 'attention', missing: ['person.weightKg'] },
  { spec: '§12 weight recorded: follow on the growth chart', code: 'child.weight',
    input: makeCase({ person: { ...kid(), weightKg: 22, heightCm: 120 }, child: { mobility: 'wheelchair' } }), like: { reasons: ['check-growth-chart'] }, severity: 'info' },
  { spec: '§12 a young adult with BMI 17: low weight, attention', code: 'child.weight',
    input: makeCase({ person: { ...kid(19), weightKg: 49, heightCm: 170 }, child: { mobility: 'wheelchair' } }), like: { reasons: ['low-weight'] }, severity: 'attention' },
];
