// Which chosen exercises are not safe for this patient, and why. Pure: the Case (its asOf is "today")
// and the chosen codes in, one warning per unsafe exercise out, each reason naming the fact in the
// record that fired it, the tag of the exercise it collides with, and the sources.
//
// The facts (clinical-rules.md §4, §10, §11):
// - a vertebral fracture: a recorded thoracic or lumbar spine fracture, or a VFA level graded 2 or
//   3 (GENANT; grade 1 alone changes no decision, NHG-2024, §4). After one, bending the spine
//   forward under load, twisting it and hard landings press on the vertebrae; posture during
//   moving is the point to watch (GUIDE-EXERCISE; LEAFLET-PHYSIO: posture instructions).
//   Any recorded spine fracture counts here, also a high-energy one: the vertebra is as weak.
// - a high fall risk (WFG-2022, the core's fall-risk level, §10): balance work without something
//   to hold on to, and jumping, can cause the fall the plan is meant to prevent.
// - a recent fracture (any site, within RECENT_FRACTURE_MONTHS of asOf: "shortly after a fracture,
//   start gently", §11, GUIDE-EXERCISE): no hard landings yet.
import type { Case } from '../case.schema.js';
import { SPINE_SITES, vfaFractureLevels } from '../case-finding/index.js';
import { fallRisk } from '../falls/index.js';
import { RECENT_FRACTURE_MONTHS } from '../lifestyle/index.js';
import { Reader } from '../reader.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { addMonths, compareDates } from '../time/date.js';
import { exerciseOf } from './catalogue.js';
import type { ExerciseTag, SafetyCondition } from './lists.js';

/** The tags each condition makes unsafe. */
export const UNSAFE_TAGS: Readonly<Record<SafetyCondition, readonly ExerciseTag[]>> = {
  'vertebral-fracture': ['loaded-spinal-flexion', 'spinal-twist', 'high-impact'],
  'high-fall-risk': ['needs-support', 'high-impact'],
  'recent-fracture': ['high-impact'],
};

export const CONDITION_SOURCES: Readonly<Record<SafetyCondition, readonly string[]>> = {
  'vertebral-fracture': ['GENANT', 'NHG-2024', 'GUIDE-EXERCISE', 'LEAFLET-PHYSIO'],
  'high-fall-risk': ['WFG-2022'],
  'recent-fracture': ['GUIDE-EXERCISE'],
};

/** What the record says, as the rule reads it: the facts behind each condition that holds. */
export interface SafetyFacts {
  /** The spine fractures (their dates and sites) and VFA levels graded 2 or 3; empty: none. */
  vertebral: { fractures: { date: string; site: string }[]; vfaLevels: string[] };
  highFallRisk: boolean;
  /** The fractures within RECENT_FRACTURE_MONTHS, newest first; empty: none. */
  recent: { date: string; site: string }[];
}

export function safetyFacts(c: Case): SafetyFacts {
  const known = (c.fractures ?? []).filter((f) => compareDates(f.date, c.asOf) <= 0);
  const since = addMonths(c.asOf, -RECENT_FRACTURE_MONTHS);
  return {
    vertebral: {
      fractures: known.filter((f) => SPINE_SITES.includes(f.site)).map((f) => ({ date: f.date, site: f.site })),
      vfaLevels: vfaFractureLevels(c),
    },
    highFallRisk: fallRisk(new Reader(c, DEFAULT_SETTINGS)).level === 'high',
    recent: known.filter((f) => compareDates(f.date, since) >= 0).map((f) => ({ date: f.date, site: f.site })).sort((a, b) => compareDates(b.date, a.date)),
  };
}

/** The conditions that hold for the facts. */
export function conditionsOf(f: SafetyFacts): SafetyCondition[] {
  const out: SafetyCondition[] = [];
  if (f.vertebral.fractures.length > 0 || f.vertebral.vfaLevels.length > 0) out.push('vertebral-fracture');
  if (f.highFallRisk) out.push('high-fall-risk');
  if (f.recent.length > 0) out.push('recent-fracture');
  return out;
}

export interface SafetyReason {
  condition: SafetyCondition;
  tag: ExerciseTag;
  /** Why, for the clinician, in Dutch and English; names the facts (levels, dates). */
  why: { nl: string; en: string };
  source: readonly string[];
}

export interface ExerciseWarning {
  code: string;
  reasons: SafetyReason[];
}

const TAG_WORDS: Readonly<Record<ExerciseTag, { nl: string; en: string }>> = {
  'loaded-spinal-flexion': { nl: 'buigt de rug voorover onder belasting', en: 'bends the spine forward under load' },
  'spinal-twist': { nl: 'draait de wervelkolom', en: 'twists the spine' },
  'high-impact': { nl: 'geeft harde schokken (springen, landen)', en: 'gives hard shocks (jumping, landing)' },
  'needs-support': { nl: 'vraagt evenwicht zonder vast te houden', en: 'asks for balance without holding on' },
};

function why(condition: SafetyCondition, tag: ExerciseTag, f: SafetyFacts): { nl: string; en: string } {
  const t = TAG_WORDS[tag];
  switch (condition) {
    case 'vertebral-fracture': {
      const parts = [...f.vertebral.vfaLevels, ...f.vertebral.fractures.map((x) => `${x.site} ${x.date}`)].join(', ');
      return {
        nl: `Wervelfractuur (${parts}): deze oefening ${t.nl}; dat belast de wervels.`,
        en: `Vertebral fracture (${parts}): this exercise ${t.en}, which loads the vertebrae.`,
      };
    }
    case 'high-fall-risk':
      return {
        nl: `Hoog valrisico: deze oefening ${t.nl}; alleen met steun of onder begeleiding.`,
        en: `High fall risk: this exercise ${t.en}; only with support or supervised.`,
      };
    case 'recent-fracture': {
      const last = f.recent[0];
      const at = last ? `${last.site} ${last.date}` : '';
      return {
        nl: `Recente fractuur (${at}): deze oefening ${t.nl}; eerst rustig opbouwen.`,
        en: `Recent fracture (${at}): this exercise ${t.en}; build up gently first.`,
      };
    }
  }
}

/**
 * One warning per chosen exercise that is unsafe for this patient, in the order chosen, each with
 * every reason (condition × tag). An unknown code gets no warning (the schema refuses it first);
 * a code chosen twice is warned once.
 */
export function exerciseWarnings(c: Case, chosen: readonly string[]): ExerciseWarning[] {
  const facts = safetyFacts(c);
  return warningsFor(facts, chosen);
}

/** The same, on facts already read (a page shows the warnings for each row of the catalogue). */
export function warningsFor(facts: SafetyFacts, chosen: readonly string[]): ExerciseWarning[] {
  const conditions = conditionsOf(facts);
  const seen = new Set<string>();
  const out: ExerciseWarning[] = [];
  for (const code of chosen) {
    if (seen.has(code)) continue;
    seen.add(code);
    const e = exerciseOf(code);
    if (!e) continue;
    const reasons: SafetyReason[] = [];
    for (const condition of conditions) {
      for (const tag of UNSAFE_TAGS[condition]) {
        if (e.tags.includes(tag)) reasons.push({ condition, tag, why: why(condition, tag, facts), source: CONDITION_SOURCES[condition] });
      }
    }
    if (reasons.length > 0) out.push({ code, reasons });
  }
  return out;
}
