// medication.safety (clinical-rules.md §7): one conclusion per catalogue drug, always, so the
// clinician sees every option's status next to each other. Each check reads its inputs through
// the drug's own Trace, so `missing` lists only what could change that drug's answer.
import type { Case, Drug } from '../case.schema.js';
import { labPicture } from '../laboratory/index.js';
import type { Finding, Lang, LangText, Rule, Severity, Source } from '../rule.js';
import { criteria, Reader, type CasePath, type Crit } from '../reader.js';
import { addMonths, compareDates, daysBetween } from '../time/date.js';
import { explain, nlNum } from '../explain.js';
import { CATALOGUE, CATALOGUE_DRUGS, isAntiresorptive, isBisphosphonate } from './catalogue.js';
import { allDoses, exposure, latestCourse, reachedMonths } from './courses.js';
import { SAFETY_REASONS, type SafetyReason } from './reasons.js';
import { REASON_WORDS } from './reasons.js';
import { sortText } from '../sort.js';
import { memoCase } from '../memo.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { F } from '../fields.js';

export type SafetyStatus = 'allowed' | 'caution' | 'blocked';
type Effect = 'block' | 'caution';

export const TERIPARATIDE_LIFETIME_MONTHS = 24;
export const ROMOSOZUMAB_LIFETIME_DOSES = 12;
/** Zoledronic acid waits until this many days after a hip fracture repair (§5, §7). */
export const HIP_REPAIR_WAIT_DAYS = 14;

type LabPicture = ReturnType<typeof labPicture>;

interface Ctx {
  readonly c: Case;
  readonly lp: LabPicture;
  readonly r: Reader;
  /**
   * Measurements that were needed and absent: these raise the severity to attention. Made on the
   * first one; most drugs of most cases have none.
   */
  toMeasure: Set<string> | undefined;
}

/** A measurement the rule needs: files it under used, or under missing and "to measure". */
function measure<T>(x: Ctx, path: CasePath, v: T | undefined): T | undefined {
  if (v === undefined) (x.toMeasure ??= new Set()).add(path);
  return x.r.note(path, v);
}

function correctedCalciumStatus(x: Ctx): 'low' | 'normal' | 'high' | undefined {
  const cc = x.lp.correctedCalcium;
  if (cc !== undefined) {
    x.r.note('labs.calcium-corrected', cc.value);
    return cc.status;
  }
  // Name what to draw: total calcium and albumin give the corrected value.
  if (x.lp.latest('calcium') === undefined) measure(x, 'labs.calcium', undefined);
  if (x.lp.latest('albumin') === undefined) measure(x, 'labs.albumin', undefined);
  return undefined;
}

const sf = (x: Ctx) => x.c.safety ?? {};

const EGFR_BELOW_35: readonly Drug[] = ['alendronic-acid', 'zoledronic-acid'];
const EGFR_BELOW_30: readonly Drug[] = ['risedronic-acid', 'ibandronic-acid', 'teriparatide', 'denosumab'];

/** The per-drug checks of §7, each returning the reason and its effect on this drug, or nothing. */
type Check = (drug: Drug, x: Ctx) => [SafetyReason, Effect] | undefined;
const CHECKS: readonly Check[] = [
  (drug, x) => {
    if (!EGFR_BELOW_35.includes(drug) && !EGFR_BELOW_30.includes(drug)) return undefined;
    const egfr = measure(x, 'labs.egfr', x.lp.egfr);
    if (egfr === undefined) return undefined;
    if (EGFR_BELOW_35.includes(drug)) return egfr < 35 ? ['egfr-below-35', 'block'] : undefined;
    if (egfr >= 30) return undefined;
    return ['egfr-below-30', drug === 'denosumab' ? 'caution' : 'block'];
  },
  (drug, x) => {
    const lowBlocks = isBisphosphonate(drug) || drug === 'denosumab' || drug === 'romosozumab';
    if (!lowBlocks && drug !== 'teriparatide') return undefined;
    const status = correctedCalciumStatus(x);
    if (lowBlocks && status === 'low') return ['hypocalcaemia', 'block'];
    if (drug === 'teriparatide' && status === 'high') return ['hypercalcaemia', 'block'];
    return undefined;
  },
  (_drug, x) => {
    const vd = measure(x, 'labs.25-oh-vitamin-d', x.lp.vitaminD?.nmolPerL);
    if (x.lp.osteomalaciaSuspected) {
      x.r.read(F['safety.osteomalaciaSymptoms']);
      return ['osteomalacia-suspected', 'block'];
    }
    // Below 30 the answer turns on symptoms (and calcium, read by the calcium check or here).
    if (vd !== undefined && vd < 30) {
      x.r.read(F['safety.osteomalaciaSymptoms']);
      correctedCalciumStatus(x);
    }
    return undefined;
  },
  (drug, x) => {
    if (!isAntiresorptive(drug)) return undefined;
    const vd = x.r.note('labs.25-oh-vitamin-d', x.lp.vitaminD?.nmolPerL);
    if (vd === undefined) (x.toMeasure ??= new Set()).add('labs.25-oh-vitamin-d');
    return vd !== undefined && vd < 30 ? ['vitamin-d-below-30', 'caution'] : undefined;
  },
  (drug, x) => {
    if (!isOralBisphosphonate(drug, x.c)) return undefined;
    const up30 = x.r.read(F['safety.canStayUpright30Min']);
    if (up30 === false) return ['cannot-stay-upright', 'block'];
    if (drug === 'ibandronic-acid' && x.r.read(F['safety.canStayUpright60Min']) === false) {
      return ['cannot-stay-upright', 'block'];
    }
    return undefined;
  },
  (drug, x) => {
    if (!isOralBisphosphonate(drug, x.c)) return undefined;
    return x.r.read(F['safety.oesophagealDisorder']) === true
      ? ['oesophageal-disorder', 'block'] : undefined;
  },
  (drug, x) => {
    if (!jawRisk(drug)) return undefined;
    return x.r.read(F['safety.invasiveDentalTreatmentPlanned']) === true
      ? ['dental-treatment-pending', 'caution'] : undefined;
  },
  (drug, x) => {
    if (!jawRisk(drug)) return undefined;
    // The one yes/no fact whose absence counts (§1): a check not recorded as done is missing.
    return x.r.read(F['safety.dentalCheckDone']) !== true
      ? ['dental-check-missing', 'caution'] : undefined;
  },
  (drug, x) => {
    if (drug !== 'zoledronic-acid') return undefined;
    const repair = sf(x).hipFractureRepairDate;
    if (repair === undefined) {
      // Only worth asking when a hip fracture is recent enough for the repair to be within 2 weeks.
      const recentHip = (x.c.fractures ?? []).some(
        (f) => f.site === 'hip' && compareDates(f.date, addMonths(x.c.asOf, -6)) > 0,
      );
      if (recentHip) x.r.miss('safety.hipFractureRepairDate');
      return undefined;
    }
    x.r.read(F['safety.hipFractureRepairDate']);
    return daysBetween(repair, x.c.asOf) < HIP_REPAIR_WAIT_DAYS ? ['hip-fracture-repair-under-2-weeks', 'block'] : undefined;
  },
  (_drug, x) => {
    x.r.read(F['person.sex']);
    // A man cannot be pregnant and a postmenopausal woman is not asked; everyone else is.
    if (x.c.person.sex === 'male' || x.c.person.menopause?.status === 'post') return undefined;
    return x.r.read(F['safety.pregnant']) === true ? ['pregnancy', 'block'] : undefined;
  },
  (drug, x) => {
    if (drug !== 'romosozumab') return undefined;
    return x.r.read(F['safety.historyMyocardialInfarctionOrStroke']) === true
      ? ['mi-or-stroke-history', 'block'] : undefined;
  },
  (drug, x) => {
    if (drug !== 'romosozumab' && drug !== 'raloxifene') return undefined;
    if (x.r.read(F['person.sex']) === 'male') return ['not-postmenopausal-woman', 'block'];
    const status = x.r.read(F['person.menopause.status']);
    return status === 'pre' || status === 'peri' ? ['not-postmenopausal-woman', 'block'] : undefined;
  },
  (drug, x) => {
    if (drug !== 'raloxifene') return undefined;
    return x.r.read(F['safety.venousThromboembolismHistory']) === true
      ? ['vte-history', 'block'] : undefined;
  },
  (drug, x) => {
    if (drug !== 'teriparatide') return undefined;
    // Hyperparathyroidism shows as high corrected calcium, or high PTH with calcium not low (§6).
    correctedCalciumStatus(x);
    x.r.lab('pth', x.lp.latest('pth'));
    return x.lp.secondaryCauses.includes('hyperparathyroidism') ? ['hyperparathyroidism', 'block'] : undefined;
  },
  (drug, x) => {
    if (drug !== 'teriparatide') return undefined;
    x.r.lab('alkaline-phosphatase', x.lp.latest('alkaline-phosphatase'));
    return x.lp.secondaryCauses.includes('high-bone-turnover-unexplained')
      ? ['high-bone-turnover-unexplained', 'block'] : undefined;
  },
  (drug, x) => {
    if (drug !== 'teriparatide') return undefined;
    return x.r.read(F['safety.skeletalRadiotherapy']) === true
      ? ['skeletal-radiotherapy', 'block'] : undefined;
  },
  (drug, x) => {
    if (drug !== 'teriparatide') return undefined;
    return x.r.read(F['safety.skeletalMalignancy']) === true
      ? ['skeletal-malignancy', 'block'] : undefined;
  },
  (drug, x) => {
    if (drug === 'teriparatide') {
      const e = exposure(x.c, drug, x.r);
      return e !== undefined && reachedMonths(e, TERIPARATIDE_LIFETIME_MONTHS) ? ['lifetime-limit-reached', 'block'] : undefined;
    }
    if (drug === 'romosozumab') {
      return allDoses(x.c, drug, x.r).length >= ROMOSOZUMAB_LIFETIME_DOSES ? ['lifetime-limit-reached', 'block'] : undefined;
    }
    return undefined;
  },
];

/**
 * For each check of CHECKS (same index), the drugs it can concern at all: the drug test each check
 * starts with, so a drug only runs the checks that can say something about it (a check skipped here
 * would have returned nothing without reading anything). Undefined: every drug.
 */
const CONCERNS: ReadonlyArray<((drug: Drug) => boolean) | undefined> = [
  (d) => EGFR_BELOW_35.includes(d) || EGFR_BELOW_30.includes(d),
  (d) => isBisphosphonate(d) || d === 'denosumab' || d === 'romosozumab' || d === 'teriparatide',
  undefined,
  isAntiresorptive,
  (d) => d === 'alendronic-acid' || d === 'risedronic-acid' || d === 'ibandronic-acid',
  (d) => d === 'alendronic-acid' || d === 'risedronic-acid' || d === 'ibandronic-acid',
  jawRisk,
  jawRisk,
  (d) => d === 'zoledronic-acid',
  undefined,
  (d) => d === 'romosozumab',
  (d) => d === 'romosozumab' || d === 'raloxifene',
  (d) => d === 'raloxifene',
  (d) => d === 'teriparatide',
  (d) => d === 'teriparatide',
  (d) => d === 'teriparatide',
  (d) => d === 'teriparatide',
  (d) => d === 'teriparatide' || d === 'romosozumab',
];

/** One criterion per safety reason (§7). */
const SAFETY_CRITERIA = criteria(SAFETY_REASONS);

/** For each check of CHECKS (same index), the reason it reports for a drug: its criterion id. */
const CHECK_IDS: ReadonlyArray<SafetyReason | ((drug: Drug) => SafetyReason)> = [
  (d) => (EGFR_BELOW_35.includes(d) ? 'egfr-below-35' : 'egfr-below-30'),
  (d) => (d === 'teriparatide' ? 'hypercalcaemia' : 'hypocalcaemia'),
  'osteomalacia-suspected', 'vitamin-d-below-30', 'cannot-stay-upright', 'oesophageal-disorder',
  'dental-treatment-pending', 'dental-check-missing', 'hip-fracture-repair-under-2-weeks', 'pregnancy',
  'mi-or-stroke-history', 'not-postmenopausal-woman', 'vte-history', 'hyperparathyroidism',
  'high-bone-turnover-unexplained', 'skeletal-radiotherapy', 'skeletal-malignancy', 'lifetime-limit-reached',
];

/** Osteonecrosis of the jaw concerns the bisphosphonates, denosumab and romosozumab (§7). */
function jawRisk(drug: Drug): boolean {
  return isBisphosphonate(drug) || drug === 'denosumab' || drug === 'romosozumab';
}

/** Ibandronic acid given as an infusion needs no upright time; the tablet does. */
function isOralBisphosphonate(drug: Drug, c: Case): boolean {
  if (drug === 'alendronic-acid' || drug === 'risedronic-acid') return true;
  if (drug !== 'ibandronic-acid') return false;
  return latestCourse(c, drug)?.med.route !== 'iv';
}

export function safetyStatus(effects: readonly Effect[]): SafetyStatus {
  if (effects.includes('block')) return 'blocked';
  if (effects.includes('caution')) return 'caution';
  return 'allowed';
}

export interface DrugSafety {
  readonly drug: Drug;
  readonly atc: string;
  readonly status: SafetyStatus;
  readonly reasons: SafetyReason[];
}

/** The §7 verdict for one drug, also used by other rules (e.g. the pre-dose check). */
export function drugSafety(c: Case, drug: Drug): Readonly<Assessed> {
  return assessedMemo(c)[DRUG_INDEX.get(drug) ?? 0] as Assessed;
}

export interface Assessed { value: DrugSafety; reads: Reader; toMeasure: Set<string> | undefined; blocks: SafetyReason[] }

/** Every drug's verdict, worked out once per case: the safety rule and the first choice both ask. */
const assessedMemo = memoCase((c: Case): Assessed[] => {
  const lp = labPicture(c);
  return DRUG_ENTRIES.map((e) => assess(new Reader(c, DEFAULT_SETTINGS), e, lp));
});

function assess(r: Reader, e: DrugEntry, lp: LabPicture): Assessed {
  const drug = e.drug;
  const x: Ctx = { c: r.case, lp, r, toMeasure: undefined };
  const reasons: SafetyReason[] = [];
  const blocks: SafetyReason[] = [];
  let blocked = false;
  let caution = false;
  for (let i = 0; i < e.checks.length; i++) {
    const before = r.absentCount;
    const hit = (e.checks[i] as Check)(drug, x);
    // Each check is a criterion: met when it gave its reason, unknown when what decides it is absent.
    // Each check's criterion: met when it gave its reason, unknown when what decides it is absent.
    const k = e.criteria[i] as Crit;
    r.checkDistinct(hit !== undefined ? k[0] : r.absentCount > before ? k[2] : k[1]);
    if (hit === undefined || reasons.includes(hit[0])) continue;
    reasons.push(hit[0]);
    if (hit[1] === 'block') {
      blocked = true;
      blocks.push(hit[0]);
    } else caution = true;
  }
  return {
    value: { drug, atc: e.atc, status: blocked ? 'blocked' : caution ? 'caution' : 'allowed', reasons },
    reads: r,
    toMeasure: x.toMeasure,
    blocks,
  };
}

const VERDICT: Readonly<Record<SafetyStatus, { nl: string; en: string }>> = {
  allowed: { nl: 'mag u gebruiken', en: 'is suitable for you' },
  caution: { nl: 'kan misschien, maar er is eerst iets nodig', en: 'may be possible, but something is needed first' },
  blocked: { nl: 'is nu niet geschikt voor u', en: 'is not suitable for you now' },
};
const STATUS_WORD: Readonly<Record<SafetyStatus, { nl: string; en: string }>> = {
  allowed: { nl: 'toegestaan', en: 'allowed' },
  caution: { nl: 'voorzichtig', en: 'caution' },
  blocked: { nl: 'geblokkeerd', en: 'blocked' },
};

/**
 * What the rule needs of each drug, worked out once: the checks that concern it, its ATC code and
 * capitalised names, and its sources: the drug's SmPC, then the hospital leaflet when a dental
 * reason fired (+1), then NIV-2022 for a recent hip fracture repair (+2). Frozen, shared by every
 * evaluation.
 */
interface DrugEntry {
  readonly drug: Drug;
  readonly checks: typeof CHECKS;
  /** The criterion id each of `checks` reports: the reason it can give for this drug. */
  readonly ids: readonly SafetyReason[];
  /** Per check, its criterion met, not met and unknown, made once. */
  readonly criteria: readonly Crit[];
  readonly atc: string;
  readonly nameNl: string;
  readonly nameEn: string;
  readonly sources: readonly (readonly Source[])[];
}
function entryFor(drug: Drug): DrugEntry {
  const info = CATALOGUE[drug];
  const ids = CHECK_IDS.filter((_, i) => CONCERNS[i]?.(drug) ?? true).map((id) => (typeof id === 'function' ? id(drug) : id));
  return {
    drug,
    checks: CHECKS.filter((_, i) => CONCERNS[i]?.(drug) ?? true),
    ids,
    criteria: ids.map((id) => SAFETY_CRITERIA[id]),
    atc: info.atc,
    nameNl: cap(info.nameNl),
    nameEn: cap(info.nameEn),
    sources: [
      Object.freeze([info.smpc]),
      Object.freeze([info.smpc, 'LEAFLET-HOSPITAL' as const]),
      Object.freeze([info.smpc, 'NIV-2022' as const]),
      Object.freeze([info.smpc, 'LEAFLET-HOSPITAL' as const, 'NIV-2022' as const]),
    ],
  };
}
const DRUG_ENTRIES: readonly DrugEntry[] = CATALOGUE_DRUGS.map(entryFor);
const DRUG_INDEX: ReadonlyMap<Drug, number> = new Map(DRUG_ENTRIES.map((e, i) => [e.drug, i]));

function safetyFinding(a: Assessed, e: DrugEntry): Finding {
  const { value, reads, toMeasure } = a;
  const severity: Severity = value.status === 'blocked' ? 'block'
    : value.status === 'caution' || toMeasure !== undefined ? 'attention' : 'info';
  let dental = false;
  for (const r of value.reasons) if (r.startsWith('dental')) dental = true;
  const source = e.sources[(dental ? 1 : 0) + (value.reasons.includes('hip-fracture-repair-under-2-weeks') ? 2 : 0)] as readonly Source[];
  const egfr = reads.used['labs.egfr'];
  return {
    code: 'medication.safety',
    value,
    severity,
    reads,
    source,
    explanation: (lang: Lang): LangText => {
      const toMeasureList = toMeasure !== undefined ? sortText([...toMeasure]).join(', ') : '';
      const nl = lang === 'nl';
      const name = nl ? e.nameNl : e.nameEn;
      // The reasons' words, in the order the reasons fired: patient sentences, clinician clauses.
      let patientWords = '';
      let clinicianWords = '';
      for (let i = 0; i < value.reasons.length; i++) {
        const w = REASON_WORDS[value.reasons[i] as SafetyReason];
        patientWords += ' ' + (nl ? w.patientNl : w.patientEn);
        clinicianWords += (i === 0 ? ' — ' : '; ') + (nl ? w.clinicianNl : w.clinicianEn);
      }
      if (nl) {
        return {
          patient: `${name} ${VERDICT[value.status].nl}.${patientWords}`,
          clinician: `${name} (${e.atc}): ${STATUS_WORD[value.status].nl}${clinicianWords}.`
            + `${typeof egfr === 'number' ? ` eGFR ${nlNum(egfr)}.` : ''}${toMeasureList ? ` Nog te meten: ${toMeasureList}.` : ''}`,
        };
      }
      return {
        patient: `${name} ${VERDICT[value.status].en}.${patientWords}`,
        clinician: `${name} (${e.atc}): ${STATUS_WORD[value.status].en}${clinicianWords}.`
          + `${typeof egfr === 'number' ? ` eGFR ${egfr}.` : ''}${toMeasureList ? ` Still to measure: ${toMeasureList}.` : ''}`,
      };
    },
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const safetyRule: Rule = {
  id: 'medication.safety',
  stage: 'medication',
  source: CATALOGUE_DRUGS.map((d) => CATALOGUE[d].smpc),
  inputs: [
    'labs', 'person.sex', 'person.menopause.status', 'fractures', 'medications',
    'safety.canStayUpright30Min', 'safety.canStayUpright60Min', 'safety.oesophagealDisorder',
    'safety.pregnant', 'safety.invasiveDentalTreatmentPlanned', 'safety.dentalCheckDone',
    'safety.hipFractureRepairDate', 'safety.historyMyocardialInfarctionOrStroke',
    'safety.venousThromboembolismHistory', 'safety.skeletalRadiotherapy', 'safety.skeletalMalignancy',
    'safety.osteomalaciaSymptoms',
  ],
  codes: ['medication.safety'],
  derived: [],
  criteria: ['egfr-below-35', 'hypocalcaemia', 'osteomalacia-suspected', 'vitamin-d-below-30', 'cannot-stay-upright', 'oesophageal-disorder', 'dental-treatment-pending', 'dental-check-missing', 'pregnancy', 'egfr-below-30', 'hip-fracture-repair-under-2-weeks', 'hypercalcaemia', 'hyperparathyroidism', 'high-bone-turnover-unexplained', 'skeletal-radiotherapy', 'skeletal-malignancy', 'lifetime-limit-reached', 'mi-or-stroke-history', 'not-postmenopausal-woman', 'vte-history'],
  about: explain({
    patientNl: 'Per medicijn kijken we of het veilig is voor u. Soms is eerst iets anders nodig.',
    patientEn: 'For each medicine we check whether it is safe for you. Sometimes something else is needed first.',
    clinicianNl: 'Status per middel (toegestaan, voorzichtig, geblokkeerd) op basis van nierfunctie, calcium, vitamine D, contra-indicaties en maximale behandelduur volgens de SmPC.',
    clinicianEn: 'Status per drug (allowed, caution, blocked) from renal function, calcium, vitamin D, contraindications and lifetime limits per the SmPC.',
  }),
  evaluate(r: Reader) {
    const all = assessedMemo(r.case);
    return DRUG_ENTRIES.map((e, i) => safetyFinding(all[i] as Assessed, e));
  },
};
