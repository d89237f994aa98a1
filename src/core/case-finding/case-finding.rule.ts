// Case-finding rules (clinical-rules.md §2): who should get a DXA, the NHG risk score, who to
// consider, and an explicitly waived work-up.
import type { Case, Fracture } from '../case.schema.js';
import type { Settings } from '../settings.js';
import type { Bilingual, Finding, Lang, LangText, Rule } from '../rule.js';
import { ageOn, compareDates } from '../time/date.js';
import { memoCase, memoCaseSettings } from '../memo.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { conclude } from '../rule.js';
import { Reader, D } from '../reader.js';
import { bi, day, list, num } from '../text.js';
import { glucocorticoidsAtLeast } from '../treatment/indication.js';
import { ageAtFracture, hasVertebralFracture, knownFractures, qualifyingFractures, vertebralFractureRecords, vfaFractureLevels, CASE_FINDING_MIN_AGE } from './fractures.js';
import { F } from '../fields.js';
import { criteria } from '../reader.js';

/** The criteria this file's rules check (`r.check(C[id], met)`). */
const C = criteria(['parent-hip-fracture', 'reduced-mobility', 'age-over-70', 'age-over-60', 'low-weight-or-bmi', 'earlier-fracture', 'glucocorticoids', 'qualifying-fracture', 'vertebral-fracture', 'nhg-score-4-or-more', 'early-menopause', 'sex-hormone-lowering-therapy', 'parent-or-sibling-osteoporosis', 'rheumatoid-arthritis', 'secondary-osteoporosis-condition', 'reduced-mobility', 'falls-2-or-more']);

export const DXA_REASONS = [
  'qualifying-fracture', 'vertebral-fracture', 'nhg-score-4-or-more', 'glucocorticoids',
  'early-menopause', 'sex-hormone-lowering-therapy',
] as const;
export type DxaReason = (typeof DXA_REASONS)[number];

export const EARLY_MENOPAUSE_BEFORE = 45;
export const NHG_SCORE_DXA = 4;

export interface NhgScore {
  score: number;
  items: string[];
}

/** The yes/no items of the NHG score: the fact's case path and the item code it adds. */
const NHG_FLAGS = [
  [F['riskFactors.parentHipFracture'], 'parent-hip-fracture'],
  [F['riskFactors.reducedMobility'], 'reduced-mobility'],
  [F['riskFactors.rheumatoidArthritis'], 'rheumatoid-arthritis'],
  [F['riskFactors.secondaryOsteoporosisCondition'], 'secondary-osteoporosis-condition'],
] as const;

export const NHG_ITEMS = [
  'age-over-70', 'age-over-60', 'low-weight-or-bmi', 'earlier-fracture', 'parent-hip-fracture',
  'reduced-mobility', 'rheumatoid-arthritis', 'secondary-osteoporosis-condition', 'glucocorticoids',
] as const;

/**
 * NHG-2012 risk score for people ≥ 50 without a qualifying fracture, read through `r` (each item is
 * a criterion). Its glucocorticoid item uses "> 7.5 mg for > 3 months", deliberately stricter than
 * case finding's ≥ (the sources differ).
 */
export function nhgRiskScore(r: Reader): NhgScore {
  const c = r.case;
  const items: string[] = [];
  let score = 0;
  const age = ageOn(r.read(F['person.birthDate']) as string, c.asOf);
  if (r.check(C['age-over-70'], age > 70)) { score += 2; items.push('age-over-70'); }
  else if (r.check(C['age-over-60'], age > 60)) { score += 1; items.push('age-over-60'); }

  const weightKg = c.person.weightKg;
  const heightCm = c.person.heightCm;
  const bmi = weightKg !== undefined && heightCm !== undefined ? weightKg / (heightCm / 100) ** 2 : undefined;
  const low = (weightKg !== undefined && weightKg < 60) || (bmi !== undefined && bmi < 20);
  if (low) {
    if (weightKg !== undefined) r.read(F['person.weightKg']);
    if (heightCm !== undefined) r.read(F['person.heightCm']);
  } else {
    r.read(F['person.weightKg']);
    r.read(F['person.heightCm']);
  }
  if (r.check(C['low-weight-or-bmi'], low ? true : weightKg !== undefined && heightCm !== undefined ? false : undefined)) {
    score += 1;
    items.push('low-weight-or-bmi');
  }

  // No fractures recorded: nothing to ask for, as an absent list means none (§1).
  const fr = c.fractures === undefined ? undefined : r.read(F['fractures']);
  const earlier = fr !== undefined && knownFractures(c).some((f) => ageAtFracture(c, f) >= CASE_FINDING_MIN_AGE);
  if (r.check(C['earlier-fracture'], earlier)) { score += 1; items.push('earlier-fracture'); }

  for (const [path, item] of NHG_FLAGS) {
    if (r.check(C[item], r.read(path))) { score += 1; items.push(item); }
  }
  const g = r.read(F['riskFactors.glucocorticoids']);
  if (r.check(C['glucocorticoids'], g === undefined ? undefined : g.mgPerDay > 7.5 && g.months > 3)) { score += 4; items.push('glucocorticoids'); }
  return { score, items };
}

const ITEM_TEXT: Record<string, { p: Bilingual; c: Bilingual }> = {
  'age-over-70': { p: bi('u bent ouder dan 70', 'you are over 70'), c: bi('leeftijd > 70 (2)', 'age > 70 (2)') },
  'age-over-60': { p: bi('u bent ouder dan 60', 'you are over 60'), c: bi('leeftijd > 60 (1)', 'age > 60 (1)') },
  'low-weight-or-bmi': { p: bi('u weegt weinig', 'your body weight is low'), c: bi('gewicht < 60 kg of BMI < 20 (1)', 'weight < 60 kg or BMI < 20 (1)') },
  'earlier-fracture': { p: bi('u brak eerder iets na uw 50e', 'you broke a bone after age 50 before'), c: bi('eerdere fractuur na 50 jaar (1)', 'earlier fracture at ≥ 50 (1)') },
  'parent-hip-fracture': { p: bi('een ouder brak de heup', 'a parent broke a hip'), c: bi('heupfractuur bij ouder (1)', 'parental hip fracture (1)') },
  'reduced-mobility': { p: bi('u beweegt minder goed', 'you move less easily'), c: bi('verminderde mobiliteit (1)', 'reduced mobility (1)') },
  'rheumatoid-arthritis': { p: bi('u heeft reuma (reumatoïde artritis)', 'you have rheumatoid arthritis'), c: bi('reumatoïde artritis (1)', 'rheumatoid arthritis (1)') },
  'secondary-osteoporosis-condition': { p: bi('u heeft een ziekte die botten zwakker maakt', 'you have an illness that weakens bone'), c: bi('aandoening met secundaire osteoporose (1)', 'secondary-osteoporosis condition (1)') },
  glucocorticoids: { p: bi('u gebruikt al langer veel prednison', 'you have taken a high dose of prednisolone for a while'), c: bi('glucocorticoïden > 7,5 mg/dag > 3 maanden (4)', 'glucocorticoids > 7.5 mg/day > 3 months (4)') },
};

export interface DxaIndication {
  indicated: boolean;
  reasons: DxaReason[];
  nhg: NhgScore | null;
  /** What the indication read, with each reason as a criterion. */
  reads: Reader;
}

/** The NHG score with what it read, worked out once per case (the score rule and the indication both ask). */
const nhgMemo = memoCase((c: Case): { score: NhgScore; reads: Reader } => {
  const reads = new Reader(c, DEFAULT_SETTINGS);
  return { score: nhgRiskScore(reads), reads };
});

/** Memoised per case and settings: treat the result as read-only. */
export const dxaIndication: (c: Case, s: Settings) => DxaIndication = memoCaseSettings((c, s) => {
  const r = new Reader(c, s);
  const reasons: DxaReason[] = [];
  r.read(F['person.birthDate']);
  r.setting('fractureSitePolicy');
  const qualifying = qualifyingFractures(c, s);
  const fr = c.fractures === undefined ? undefined : r.read(F['fractures']);
  if (r.check(C['qualifying-fracture'], qualifying.length > 0)) reasons.push('qualifying-fracture');
  const vfa = r.read(F['vfa']);
  if (vfa !== undefined) r.derived(D['vfa-grades'], vfaFractureLevels(c));
  if (r.check(C['vertebral-fracture'], hasVertebralFracture(c) ? true : vfa === undefined ? undefined : false)) reasons.push('vertebral-fracture');
  if (fr !== undefined) {
    for (const f of knownFractures(c)) {
      if (f.highEnergy === undefined) r.miss('fractures.highEnergy');
      if (f.pathological === undefined) r.miss('fractures.pathological');
    }
  }

  const age = ageOn(c.person.birthDate, c.asOf);
  let nhg: NhgScore | null = null;
  if (age >= CASE_FINDING_MIN_AGE && qualifying.length === 0) {
    const n = nhgMemo(c);
    nhg = n.score;
    r.adopt(n.reads, false);
    r.derived(D['nhg-score'], nhg.score);
    if (r.check(C['nhg-score-4-or-more'], nhg.score >= NHG_SCORE_DXA)) reasons.push('nhg-score-4-or-more');
  }

  const g = r.read(F['riskFactors.glucocorticoids']);
  if (r.check(C['glucocorticoids'], g === undefined ? undefined : glucocorticoidsAtLeast(c))) reasons.push('glucocorticoids');

  if (c.person.sex === 'female') {
    r.read(F['person.sex']);
    const am = r.read(F['person.menopause.ageAtMenopause']);
    if (r.check(C['early-menopause'], am === undefined ? undefined : am < EARLY_MENOPAUSE_BEFORE)) reasons.push('early-menopause');
  }
  if (r.check(C['sex-hormone-lowering-therapy'], r.read(F['riskFactors.sexHormoneLoweringTherapy']))) reasons.push('sex-hormone-lowering-therapy');

  return { indicated: reasons.length > 0, reasons, nhg, reads: r };
});

/** `q`: the first qualifying fracture, if any (looked up once per explanation, not per reason). */
function reasonText(r: DxaReason, c: Case, s: Settings, q: Fracture | undefined, nhg: NhgScore | null, lang: 'nl' | 'en', who: 'p' | 'c'): string {
  const nl = lang === 'nl';
  switch (r) {
    case 'qualifying-fracture':
      if (who === 'p') return nl ? `u brak na uw 50e iets (${q ? day(q.date, 'nl') : ''})` : `you broke a bone after age 50 (${q ? day(q.date, 'en') : ''})`;
      return nl
        ? `kwalificerende fractuur (${q?.site}, ${q?.date}, leeftijd ${q ? ageAtFracture(c, q) : ''}; beleid ${s.fractureSitePolicy})`
        : `qualifying fracture (${q?.site}, ${q?.date}, age ${q ? ageAtFracture(c, q) : ''}; policy ${s.fractureSitePolicy})`;
    case 'vertebral-fracture': {
      if (who === 'p') return nl ? 'een wervel is ingezakt' : 'a bone in your spine has collapsed';
      const levels = vfaFractureLevels(c);
      const rec = vertebralFractureRecords(c).length;
      const recorded = rec > 0 ? (nl ? `${rec} geregistreerd` : `${rec} recorded`) : '';
      const graded = levels.length > 0 ? (nl ? `VFA graad ≥ 2: ${levels.join(', ')}` : `VFA grade ≥ 2: ${levels.join(', ')}`) : '';
      const both = recorded !== '' && graded !== '' ? `${recorded}; ${graded}` : recorded + graded;
      return nl ? `wervelfractuur (${both})` : `vertebral fracture (${both})`;
    }
    case 'nhg-score-4-or-more':
      if (who === 'p') return nl ? `uw risicoscore is ${nhg?.score} (vanaf 4 is een meting nodig)` : `your risk score is ${nhg?.score} (a scan is needed from 4)`;
      return nl ? `NHG-risicoscore ${nhg?.score} (≥ 4)` : `NHG risk score ${nhg?.score} (≥ 4)`;
    case 'glucocorticoids': {
      const g = c.riskFactors?.glucocorticoids;
      const mg = g ? num(g.mgPerDay, lang) : '';
      if (who === 'p') return nl ? `u slikt al ${g?.months} maanden ${mg} mg prednison per dag` : `you have taken ${mg} mg of prednisolone a day for ${g?.months} months`;
      return nl ? `glucocorticoïden ${mg} mg/dag gedurende ${g?.months} maanden (≥ 7,5 mg, ≥ 3 maanden)` : `glucocorticoids ${mg} mg/day for ${g?.months} months (≥ 7.5 mg, ≥ 3 months)`;
    }
    case 'early-menopause': {
      const am = c.person.menopause?.ageAtMenopause ?? 0;
      if (who === 'p') return nl ? `uw overgang begon vroeg, op ${num(am, 'nl')} jaar` : `your menopause came early, at age ${num(am, 'en')}`;
      return nl ? `vroege menopauze (${num(am, 'nl')} jaar, < 45)` : `early menopause (age ${num(am, 'en')}, < 45)`;
    }
    case 'sex-hormone-lowering-therapy':
      if (who === 'p') return nl ? 'u krijgt een behandeling die uw geslachtshormonen verlaagt' : 'you have treatment that lowers your sex hormones';
      return nl ? 'geslachtshormoonverlagende therapie' : 'sex-hormone-lowering therapy';
  }
}

const dxaIndicated: Rule = {
  id: 'case-finding.dxa-indicated',
  stage: 'case-finding',
  source: ['NIV-2022', 'NHG-2012', 'CBO-2011', 'PATHWAY-UMC'],
  inputs: [
    'asOf', 'person.birthDate', 'person.sex', 'person.weightKg', 'person.heightCm',
    'person.menopause.ageAtMenopause', 'fractures', 'vfa', 'riskFactors', 'settings.fractureSitePolicy',
  ],
  codes: ['case-finding.dxa-indicated'],
  derived: ['nhg-score', 'vfa-grades'],
  criteria: ['qualifying-fracture', 'vertebral-fracture', 'glucocorticoids', 'early-menopause', 'sex-hormone-lowering-therapy', 'nhg-score-4-or-more'],
  about: {
    patient: bi(
      'Moet u een botdichtheidsmeting (DXA) krijgen? Dat is zo na een botbreuk na uw 50e, bij een ingezakte wervel, bij een hoge risicoscore, bij lang prednison, bij een vroege overgang of bij een behandeling die hormonen verlaagt.',
      'Should you have a bone density scan (DXA)? Yes after a broken bone past age 50, a collapsed vertebra, a high risk score, long use of prednisolone, an early menopause, or treatment that lowers sex hormones.',
    ),
    clinician: bi(
      'DXA geïndiceerd bij: kwalificerende fractuur (≥ 50 jaar, ≤ 2 jaar geleden, laag-energetisch, niet pathologisch, locatie volgens beleid), wervelfractuur, NHG-risicoscore ≥ 4, glucocorticoïden ≥ 7,5 mg/dag ≥ 3 maanden, menopauze < 45 jaar of geslachtshormoonverlagende therapie.',
      'DXA indicated for: a qualifying fracture (age ≥ 50, within 2 years, low energy, not pathological, site allowed by policy), a vertebral fracture, NHG risk score ≥ 4, glucocorticoids ≥ 7.5 mg/day for ≥ 3 months, menopause before 45, or sex-hormone-lowering therapy.',
    ),
  },
  evaluate(r): Finding[] {
    const c = r.case;
    const s = r.settings;
    const d = dxaIndication(c, s);
    // The indication's own reader is this conclusion's provenance: nothing else is read here.
    const rd = d.reads;
    const missing = rd.missing.length > 0;
    const value = { indicated: d.indicated, reasons: [...d.reasons] };
    const txt = (lang: 'nl' | 'en', who: 'p' | 'c', q: Fracture | undefined) => list(d.reasons.map((r) => reasonText(r, c, s, q, d.nhg, lang, who)), lang);
    const explanation = d.indicated
      ? ((lang: Lang): LangText => {
        const q = d.reasons.includes('qualifying-fracture') ? qualifyingFractures(c, s)[0] : undefined;
        return lang === 'nl'
          ? {
              patient: `Een botdichtheidsmeting (DXA) is voor u zinvol. De reden: ${txt('nl', 'p', q)}.`,
              clinician: `DXA geïndiceerd: ${txt('nl', 'c', q)}.`,
            }
          : {
              patient: `A bone density scan (DXA) is useful for you. The reason: ${txt('en', 'p', q)}.`,
              clinician: `DXA indicated: ${txt('en', 'c', q)}.`,
            };
      })
      : ((lang: Lang): LangText => lang === 'nl'
        ? {
            patient: 'Op grond van wat we nu weten is een botdichtheidsmeting niet nodig.',
            clinician: `Geen DXA-indicatie op de vastgelegde gegevens${d.nhg ? ` (NHG-risicoscore ${d.nhg.score})` : ''}.${missing ? ' Ontbrekende gegevens kunnen dit veranderen.' : ''}`,
          }
        : {
            patient: 'From what we know now, you do not need a bone density scan.',
            clinician: `No DXA indication on the recorded data${d.nhg ? ` (NHG risk score ${d.nhg.score})` : ''}.${missing ? ' Missing data could change this.' : ''}`,
          });
    return [conclude(rd, 'case-finding.dxa-indicated', value, d.indicated ? 'action' : 'info', explanation)];
  },
};

const nhgScoreRule: Rule = {
  id: 'case-finding.nhg-risk-score',
  stage: 'case-finding',
  source: ['NHG-2012'],
  inputs: ['asOf', 'person.birthDate', 'person.weightKg', 'person.heightCm', 'fractures', 'riskFactors'],
  codes: ['case-finding.nhg-risk-score'],
  derived: [],
  criteria: ['age-over-70', 'low-weight-or-bmi', 'earlier-fracture', 'parent-hip-fracture', 'reduced-mobility', 'rheumatoid-arthritis', 'secondary-osteoporosis-condition', 'glucocorticoids', 'age-over-60'],
  about: {
    patient: bi(
      'Bij mensen van 50 jaar of ouder zonder recente botbreuk tellen we punten voor risico’s, zoals leeftijd, laag gewicht en prednison. Bij 4 punten of meer volgt een botdichtheidsmeting.',
      'For people aged 50 or over without a recent broken bone we add up points for risks such as age, low weight and prednisolone. At 4 points or more we advise a bone density scan.',
    ),
    clinician: bi(
      'NHG-risicoscore (≥ 50 jaar, geen kwalificerende fractuur): leeftijd > 70 → 2, > 60 → 1; gewicht < 60 kg of BMI < 20 → 1; eerdere fractuur ≥ 50 jaar → 1; heupfractuur ouder → 1; verminderde mobiliteit → 1; RA → 1; secundaire osteoporose → 1; glucocorticoïden > 7,5 mg/dag > 3 maanden → 4.',
      'NHG risk score (age ≥ 50, no qualifying fracture): age > 70 → 2, > 60 → 1; weight < 60 kg or BMI < 20 → 1; earlier fracture at ≥ 50 → 1; parental hip fracture → 1; reduced mobility → 1; RA → 1; secondary osteoporosis → 1; glucocorticoids > 7.5 mg/day > 3 months → 4.',
    ),
  },
  evaluate(r): Finding[] {
    const c = r.case;
    if (ageOn(c.person.birthDate, c.asOf) < CASE_FINDING_MIN_AGE || qualifyingFractures(c, r.settings).length > 0) return [];
    const memo = nhgMemo(c);
    const n = memo.score;
    const items = (lang: 'nl' | 'en', who: 'p' | 'c') => list(n.items.map((i) => ITEM_TEXT[i]?.[who][lang] ?? i), lang);
    const explanation = (lang: Lang): LangText => {
      const clinician = lang === 'nl'
        ? `NHG-risicoscore ${n.score}${n.items.length > 0 ? `: ${items('nl', 'c')}` : ''}.${n.score >= NHG_SCORE_DXA ? ' ≥ 4: DXA geïndiceerd.' : ''}`
        : `NHG risk score ${n.score}${n.items.length > 0 ? `: ${items('en', 'c')}` : ''}.${n.score >= NHG_SCORE_DXA ? ' ≥ 4: DXA indicated.' : ''}`;
      if (n.score === 0) {
        return { patient: lang === 'nl' ? 'Uw risicoscore is 0. We vonden geen extra risico’s.' : 'Your risk score is 0. We found no added risks.', clinician };
      }
      return {
        patient: lang === 'nl' ? `Uw risicoscore is ${n.score}. Dat komt doordat ${items('nl', 'p')}.` : `Your risk score is ${n.score}, because ${items('en', 'p')}.`,
        clinician,
      };
    };
    return [conclude(memo.reads, 'case-finding.nhg-risk-score', { score: n.score, items: n.items }, n.score >= NHG_SCORE_DXA ? 'attention' : 'info', explanation)];
  },
};

const CONSIDER: [string, Bilingual, Bilingual][] = [
  ['parent-or-sibling-osteoporosis', bi('iemand in uw gezin heeft botontkalking', 'someone in your family has osteoporosis'), bi('osteoporose bij ouder/broer/zus', 'osteoporosis in a parent or sibling')],
  ['rheumatoid-arthritis', bi('u heeft reuma', 'you have rheumatoid arthritis'), bi('reumatoïde artritis', 'rheumatoid arthritis')],
  ['secondary-osteoporosis-condition', bi('u heeft een ziekte die botten zwakker kan maken', 'you have an illness that can weaken bone'), bi('aandoening met secundaire osteoporose', 'secondary-osteoporosis condition')],
  ['reduced-mobility', bi('u beweegt minder goed', 'you move less easily'), bi('verminderde mobiliteit', 'reduced mobility')],
  ['falls-2-or-more', bi('u viel dit jaar 2 keer of vaker', 'you fell twice or more this year'), bi('≥ 2 valpartijen in 12 maanden', '≥ 2 falls in 12 months')],
];

const dxaConsider: Rule = {
  id: 'case-finding.dxa-consider',
  stage: 'case-finding',
  source: ['PATHWAY-UMC', 'LEAFLET-HOSPITAL', 'NHG-2024'],
  inputs: ['riskFactors.parentOrSiblingOsteoporosis', 'riskFactors.rheumatoidArthritis', 'riskFactors.secondaryOsteoporosisCondition', 'riskFactors.reducedMobility', 'falls.fallsLast12Months'],
  codes: ['case-finding.dxa-consider'],
  derived: ['dxa-indicated'],
  criteria: ['parent-or-sibling-osteoporosis', 'rheumatoid-arthritis', 'secondary-osteoporosis-condition', 'reduced-mobility', 'falls-2-or-more'],
  about: {
    patient: bi(
      'Soms is een botdichtheidsmeting het overwegen waard, ook als die niet direct nodig is. Bijvoorbeeld bij botontkalking in de familie, reuma, veel vallen of weinig bewegen.',
      'Sometimes a bone density scan is worth thinking about even when it is not strictly needed, for example with osteoporosis in the family, rheumatoid arthritis, repeated falls or little movement.',
    ),
    clinician: bi(
      'DXA overwegen (attentie) zonder DXA-indicatie bij: osteoporose bij ouder of broer/zus, RA, secundaire-osteoporose-aandoening, verminderde mobiliteit of ≥ 2 vallen in 12 maanden.',
      'Consider DXA (attention) without a DXA indication when: osteoporosis in a parent or sibling, RA, a secondary-osteoporosis condition, reduced mobility, or ≥ 2 falls in 12 months.',
    ),
  },
  evaluate(r): Finding[] {
    if (dxaIndication(r.case, r.settings).indicated) return [];
    r.derived(D['dxa-indicated'], false);
    const falls = r.read(F['falls.fallsLast12Months']);
    const met = [
      r.check(C['parent-or-sibling-osteoporosis'], r.read(F['riskFactors.parentOrSiblingOsteoporosis'])),
      r.check(C['rheumatoid-arthritis'], r.read(F['riskFactors.rheumatoidArthritis'])),
      r.check(C['secondary-osteoporosis-condition'], r.read(F['riskFactors.secondaryOsteoporosisCondition'])),
      r.check(C['reduced-mobility'], r.read(F['riskFactors.reducedMobility'])),
      r.check(C['falls-2-or-more'], falls === undefined ? undefined : falls >= 2),
    ];
    const hit = CONSIDER.filter((_, i) => met[i]);
    if (hit.length === 0) return [];
    return [conclude(r, 'case-finding.dxa-consider', { reasons: hit.map((h) => h[0]) }, 'attention', (lang: Lang): LangText => lang === 'nl'
      ? {
          patient: `Een botdichtheidsmeting kan zinvol zijn, want ${list(hit.map((h) => h[1].nl), 'nl')}. Bespreek dit met uw arts.`,
          clinician: `Geen strikte DXA-indicatie; overweeg DXA wegens ${list(hit.map((h) => h[2].nl), 'nl')}.`,
        }
      : {
          patient: `A bone density scan may be useful, because ${list(hit.map((h) => h[1].en), 'en')}. Talk about it with your doctor.`,
          clinician: `No strict DXA indication; consider DXA because of ${list(hit.map((h) => h[2].en), 'en')}.`,
        })];
  },
};

const WAIVE_TEXT: Record<string, { p: Bilingual; c: Bilingual }> = {
  'life-expectancy': { p: bi('uw arts verwacht dat het onderzoek u niet meer helpt', 'your doctor expects the tests will not help you any more'), c: bi('levensverwachting < 1 jaar', 'life expectancy < 1 year') },
  'nursing-home': { p: bi('u woont in een verpleeghuis en u heeft samen met uw arts besloten', 'you live in a nursing home and decided this together with your doctor'), c: bi('verpleeghuisbewoner, na gezamenlijke besluitvorming', 'nursing-home resident, after shared decision-making') },
  declined: { p: bi('u wilde het onderzoek niet', 'you chose not to have the tests'), c: bi('patiënt ziet af van onderzoek', 'patient declined') },
};

const workupWaived: Rule = {
  id: 'case-finding.workup-waived',
  stage: 'case-finding',
  source: ['NIV-2022'],
  inputs: ['workupWaived.reason', 'workupWaived.by', 'workupWaived.date'],
  codes: ['case-finding.workup-waived'],
  derived: [],
  criteria: [],
  about: {
    patient: bi(
      'Soms besluit u samen met uw arts om geen onderzoek te doen. Dat staat dan met reden, naam en datum in uw dossier.',
      'Sometimes you and your doctor decide not to do the tests. Your record then shows the reason, who decided and when.',
    ),
    clinician: bi(
      'Afzien van work-up alleen met expliciete reden (levensverwachting < 1 jaar, verpleeghuis na gezamenlijke besluitvorming, patiënt weigert), vastgelegd met wie en wanneer.',
      'Work-up is waived only with an explicit reason (life expectancy < 1 year, nursing home after shared decision, patient declines), recorded with who and when.',
    ),
  },
  evaluate(r): Finding[] {
    const c = r.case;
    const w = c.workupWaived;
    if (!w) return [];
    r.read(F['workupWaived.reason']);
    r.read(F['workupWaived.by']);
    r.read(F['workupWaived.date']);
    const t = WAIVE_TEXT[w.reason] ?? { p: bi(w.reason, w.reason), c: bi(w.reason, w.reason) };
    const future = compareDates(w.date, c.asOf) > 0;
    return [conclude(r, 'case-finding.workup-waived', { reasons: [w.reason] }, 'info', (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: `Er wordt geen verder botonderzoek gedaan, omdat ${t.p.nl}.`,
            clinician: `Work-up afgezien: ${t.c.nl}; vastgelegd door ${w.by} op ${w.date}${future ? ' (datum ligt na de peildatum)' : ''}.`,
          }
        : {
            patient: `No further bone tests will be done, because ${t.p.en}.`,
            clinician: `Work-up waived: ${t.c.en}; recorded by ${w.by} on ${w.date}${future ? ' (date is after asOf)' : ''}.`,
          })];
  },
};

export const rules: Rule[] = [dxaIndicated, nhgScoreRule, dxaConsider, workupWaived];
