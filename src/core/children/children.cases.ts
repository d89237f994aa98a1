// Table of cases for children with severe multiple disabilities (clinical-rules.md §12).
import { bornYearsBefore } from '../testing/case-builder.js';
import type { RuleRow } from '../testing/rule-table.js';
import { aidsCheckRule, boneQualityRule, loadingRule, weightRule } from './index.js';

const kid = (age = 8) => ({ birthDate: bornYearsBefore(age), sex: 'male' as const, menopause: undefined });

export const childRows: RuleRow[] = [
  { spec: '§12 wheelchair: high, with the observed 75 %', rule: boneQualityRule, code: 'child.bone-quality-risk',
    given: { person: kid(), child: { mobility: 'wheelchair' } }, expect: { value: { level: 'high' }, severity: 'attention', explains: '75%' } },
  { spec: '§12 bedbound: high', rule: boneQualityRule, code: 'child.bone-quality-risk',
    given: { person: kid(), child: { mobility: 'bedbound' } }, expect: { value: { level: 'high' } } },
  { spec: '§12 walking aid: increased, with the observed 65 %', rule: boneQualityRule, code: 'child.bone-quality-risk',
    given: { person: kid(), child: { mobility: 'walking-aid' } }, expect: { value: { level: 'increased' }, explains: '65%' } },
  { spec: '§12 independent walker without other risk factors: baseline, with the observed 40 %', rule: boneQualityRule, code: 'child.bone-quality-risk',
    given: { person: kid(), child: { mobility: 'independent-walker' } }, expect: { value: { level: 'baseline' }, severity: 'info', explains: '40%' } },
  { spec: '§12 independent walker on an anti-epileptic: raised', rule: boneQualityRule, code: 'child.bone-quality-risk',
    given: { person: kid(), child: { mobility: 'independent-walker' }, riskFactors: { antiEpileptics: 1 } }, expect: { value: { level: 'raised' } } },
  { spec: '§12 independent walker mostly indoors: raised', rule: boneQualityRule, code: 'child.bone-quality-risk',
    given: { person: kid(), child: { mobility: 'independent-walker', indoorsMostly: true } }, expect: { value: { level: 'raised' } } },
  { spec: '§12 not a child record: no child conclusions', rule: boneQualityRule, code: 'child.bone-quality-risk', given: {}, expect: 'none' },

  { spec: '§12 loading starts at age 2 (age 1: nothing)', rule: loadingRule, code: 'child.loading',
    given: { person: kid(1), child: { mobility: 'bedbound', movementMinutesPerDay: 0 } }, expect: 'none' },
  { spec: '§12 age 2 with 20 minutes of movement: attention', rule: loadingRule, code: 'child.loading',
    given: { person: kid(2), child: { mobility: 'walking-aid', movementMinutesPerDay: 20, standingMinutesPerDay: 30 } },
    expect: { value: { reasons: ['daily-weight-bearing', 'movement-30-60-minutes', 'movement-below-target'] }, severity: 'attention' } },
  { spec: '§12 30 minutes of movement meets the target', rule: loadingRule, code: 'child.loading',
    given: { person: kid(), child: { mobility: 'walking-aid', movementMinutesPerDay: 30, standingMinutesPerDay: 30 } },
    expect: { value: { reasons: ['daily-weight-bearing', 'movement-30-60-minutes'] }, severity: 'info' } },
  { spec: '§12 no standing at all: attention', rule: loadingRule, code: 'child.loading',
    given: { person: kid(), child: { mobility: 'wheelchair', movementMinutesPerDay: 45, standingMinutesPerDay: 0 } },
    expect: { value: { reasons: ['daily-weight-bearing', 'movement-30-60-minutes', 'no-daily-standing'] }, severity: 'attention' } },
  { spec: '§1 no loading log: advice, log listed missing', rule: loadingRule, code: 'child.loading',
    given: { person: kid(), child: { mobility: 'wheelchair' } }, expect: { severity: 'info', missing: ['child.movementMinutesPerDay', 'child.standingMinutesPerDay'] } },

  { spec: '§12 aids check exactly 6 months after the last: due', rule: aidsCheckRule, code: 'child.aids-check-due',
    given: { person: kid(), child: { mobility: 'wheelchair', lastAidsCheck: '2026-05-23' } }, expect: { value: { due: '2026-11-23', reason: 'interval' }, severity: 'attention' } },
  { spec: '§12 aids check a day short of 6 months: planned', rule: aidsCheckRule, code: 'child.aids-check-due',
    given: { person: kid(), child: { mobility: 'wheelchair', lastAidsCheck: '2026-05-24' } }, expect: { value: { due: '2026-11-24', reason: 'interval' }, severity: 'info' } },
  { spec: '§12 aids check interval is configurable (3 months)', rule: aidsCheckRule, code: 'child.aids-check-due', settings: { aidsCheckIntervalMonths: 3 },
    given: { person: kid(), child: { mobility: 'wheelchair', lastAidsCheck: '2026-08-31' } }, expect: { value: { due: '2026-11-30', reason: 'interval' }, severity: 'info' } },
  { spec: '§12 grew 3 cm since the last check: due now', rule: aidsCheckRule, code: 'child.aids-check-due',
    given: { person: { ...kid(), heightCm: 101.2 }, child: { mobility: 'walking-aid', lastAidsCheck: '2026-09-01', heightCmAtLastAidsCheck: 98.2 } },
    expect: { value: { due: '2026-11-23', reason: 'growth' }, severity: 'attention' } },
  { spec: '§12 grew 2.9 cm: the interval still rules', rule: aidsCheckRule, code: 'child.aids-check-due',
    given: { person: { ...kid(), heightCm: 101.1 }, child: { mobility: 'walking-aid', lastAidsCheck: '2026-09-01', heightCmAtLastAidsCheck: 98.2 } },
    expect: { value: { due: '2027-03-01', reason: 'interval' }, severity: 'info' } },
  { spec: '§1/§12 no height now: growth cannot be judged, listed missing', rule: aidsCheckRule, code: 'child.aids-check-due',
    given: { person: kid(), child: { mobility: 'walking-aid', lastAidsCheck: '2026-09-01', heightCmAtLastAidsCheck: 98.2 } },
    expect: { value: { reason: 'interval' }, missing: ['person.heightCm'] } },
  { spec: '§12 no check recorded: due now', rule: aidsCheckRule, code: 'child.aids-check-due',
    given: { person: kid(), child: { mobility: 'wheelchair' } }, expect: { value: { due: '2026-11-23', reason: 'no-check-recorded' }, severity: 'attention' } },

  { spec: '§12 weight not recorded: null, attention', rule: weightRule, code: 'child.weight',
    given: { person: kid(), child: { mobility: 'wheelchair' } }, expect: { value: null, severity: 'attention', missing: ['person.weightKg'] } },
  { spec: '§12 weight recorded: follow on the growth chart', rule: weightRule, code: 'child.weight',
    given: { person: { ...kid(), weightKg: 22, heightCm: 120 }, child: { mobility: 'wheelchair' } }, expect: { value: { reasons: ['check-growth-chart'] }, severity: 'info' } },
  { spec: '§12 a young adult with BMI 17: low weight, attention', rule: weightRule, code: 'child.weight',
    given: { person: { ...kid(19), weightKg: 49, heightCm: 170 }, child: { mobility: 'wheelchair' } }, expect: { value: { reasons: ['low-weight'] }, severity: 'attention' } },
];
