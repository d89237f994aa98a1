// The assessment as a clinician reads it: the core's conclusions in the groups of a consultation
// (diagnosis, fracture risk, secondary causes, falls, what to do now, what is missing). One table
// says where each code goes; assessment.groups.test.ts fails when a rule's code has no place here.
import type { Conclusion } from '../../core/rule.js';

export const GROUPS = ['diagnosis', 'risk', 'secondary', 'falls', 'now', 'missing'] as const;
export type Group = (typeof GROUPS)[number];

/** Every code the core can conclude, and the group a clinician looks for it in. */
export const GROUP_OF_CODE: Readonly<Record<string, Group>> = {
  // What the scans show.
  'bmd.category': 'diagnosis',
  'vfa.vertebral-fractures': 'diagnosis',
  // Who needs a scan, and how likely the next fracture is.
  'case-finding.dxa-indicated': 'risk',
  'case-finding.nhg-risk-score': 'risk',
  'case-finding.dxa-consider': 'risk',
  'child.bone-quality-risk': 'risk',
  // What the laboratory says about causes other than age and menopause.
  'lab.vitamin-d': 'secondary',
  'lab.osteomalacia-suspected': 'secondary',
  'secondary-cause.suspected': 'secondary',
  // Falls and the fear of falling, and the physiotherapist's measurements of strength, balance and the patient's own activities.
  'fall-risk.level': 'falls',
  'fall-risk.inventory-needed': 'falls',
  'fear-of-falling.level': 'falls',
  'measure.sppb': 'falls',
  'measure.four-stage-balance': 'falls',
  'measure.chair-stand-30s': 'falls',
  'measure.psk': 'falls',
  // Decisions and actions: treatment, medication, follow-up, supplements, lifestyle, a waived work-up.
  'case-finding.workup-waived': 'now',
  'treatment.medication-indicated': 'now',
  'treatment.specialist': 'now',
  'treatment.first-choice': 'now',
  'medication.start-after': 'now',
  'medication.safety': 'now',
  'medication.pre-dose-check': 'now',
  'medication.regimen': 'now',
  'medication.review-due': 'now',
  'medication.next-dose': 'now',
  'medication.denosumab-late': 'now',
  'medication.denosumab-stop-without-follow-on': 'now',
  'medication.anabolic-end': 'now',
  'follow-up.schedule': 'now',
  'follow-up.fls-timing': 'now',
  'handover.gp': 'now',
  'vitamin-d.advice': 'now',
  'calcium.intake': 'now',
  'calcium.supplement-advised': 'now',
  'lifestyle.advice': 'now',
  'child.loading': 'now',
  'child.aids-check-due': 'now',
  'child.weight': 'now',
  'measure.due': 'now',
  // A lab panel not (fully) drawn is something to complete, not a finding.
  'lab.panel-missing': 'missing',
};

/**
 * The group a conclusion is read in. A conclusion the core could not decide (value null: it names
 * what to measure or ask) is read under "what is missing", whatever its topic.
 */
export function groupOf(c: Pick<Conclusion, 'code' | 'value'>): Group {
  if (c.value === null) return 'missing';
  return GROUP_OF_CODE[c.code] ?? 'now';
}

export function grouped<C extends Pick<Conclusion, 'code' | 'value'>>(conclusions: readonly C[]): Record<Group, C[]> {
  const out = Object.fromEntries(GROUPS.map((g) => [g, [] as C[]])) as Record<Group, C[]>;
  for (const c of conclusions) out[groupOf(c)].push(c);
  return out;
}

/** Every path some conclusion lacks, with the rules that ask for it, in the order first met. */
export function missingPaths(conclusions: readonly Pick<Conclusion, 'ruleId' | 'missing'>[]): { path: string; rules: string[] }[] {
  const by = new Map<string, string[]>();
  for (const c of conclusions) {
    for (const p of c.missing) {
      const rules = by.get(p) ?? [];
      if (!rules.includes(c.ruleId)) rules.push(c.ruleId);
      by.set(p, rules);
    }
  }
  return [...by].map(([path, rules]) => ({ path, rules }));
}
