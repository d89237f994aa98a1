// Treatment rules (clinical-rules.md §5): medication indication, specialist referral, first choice.
import type { Case, Drug } from '../case.schema.js';
import type { Bilingual, Finding, Lang, LangText, Rule } from '../rule.js';
import { addYears, ageOn, compareDates } from '../time/date.js';
import { conclude } from '../rule.js';
import type { Reader } from '../reader.js';
import { drugSafety } from '../medication/safety.rule.js';
import { REASON_WORDS, type SafetyReason } from '../medication/reasons.js';
import { bi, list, num } from '../text.js';
import { knownFractures, isLowEnergy, qualifyingFractures, ageAtFracture } from '../case-finding/fractures.js';
import { bmdCategory, lowestTScore } from '../diagnosis/bmd.js';
import { labPicture } from '../laboratory/picture.js';
import { assessIndication, type IndicationReason } from './indication.js';
import { F } from '../fields.js';
import { criteria, D } from '../reader.js';

/** The criteria this file's rules check (`r.check(C[id], met)`). */
const C = criteria(['young-onset', 'multiple-vertebral-fractures', 'secondary-cause', 'fracture-on-treatment', 'third-fracture-on-treatment', 'hip-fracture-75-plus', 'oral-contra-indicated', 'parenteral-contra-indicated']);

const REASON: Record<IndicationReason, { p: Bilingual; c: Bilingual }> = {
  osteoporosis: { p: bi('u heeft botontkalking', 'you have osteoporosis'), c: bi('osteoporose op DXA', 'osteoporosis on DXA') },
  'vertebral-fracture': { p: bi('er is een wervel ingezakt', 'a vertebra has collapsed'), c: bi('wervelfractuur (VFA graad ≥ 2 of laag-energetische wervelfractuur ≥ 50 jaar)', 'vertebral fracture (VFA grade ≥ 2 or low-energy spine fracture at ≥ 50)') },
  glucocorticoids: { p: bi('u gebruikt al langer prednison en uw risico is hoog', 'you have used prednisolone for a while and your risk is high'), c: bi('glucocorticoïden ≥ 7,5 mg/dag ≥ 3 maanden met aanvullend criterium', 'glucocorticoids ≥ 7.5 mg/day ≥ 3 months with an additional criterion') },
  'hip-fracture-75-plus': { p: bi('u brak uw heup na uw 75e', 'you broke your hip after age 75'), c: bi('heupfractuur ≥ 75 jaar: start zonder DXA af te wachten', 'hip fracture at ≥ 75: start without waiting for DXA') },
};

const GC_CRITERIA: Record<string, Bilingual> = {
  postmenopausal: bi('postmenopauzaal', 'postmenopausal'),
  'man-70-plus': bi('man ≥ 70', 'man ≥ 70'),
  '15-mg-or-more': bi('≥ 15 mg/dag', '≥ 15 mg/day'),
  fracture: bi('fractuur', 'fracture'),
  't-score': bi('T-score onder drempel', 'T-score at or below threshold'),
};

const medicationIndicated: Rule = {
  id: 'treatment.medication-indicated',
  stage: 'treatment',
  source: ['NHG-2012', 'NIV-2022', 'CBO-2011', 'NHG-2024', 'Farmacotherapeutisch Kompas'],
  inputs: [
    'asOf', 'person.birthDate', 'person.sex', 'person.menopause.status', 'dxa', 'vfa', 'fractures',
    'riskFactors.glucocorticoids', 'settings.glucocorticoidTScoreThreshold', 'settings.vertebralFractureMinT', 'settings.fractureSitePolicy',
  ],
  codes: ['treatment.medication-indicated'],
  derived: ['bmd-category', 'vfa-grades'],
  criteria: ['osteoporosis', 'vertebral-fracture', 'glucocorticoids', 'hip-fracture-75-plus'],
  about: {
    patient: bi(
      'Medicijnen voor sterkere botten helpen bij botontkalking, bij een ingezakte wervel, bij lang prednison met een hoog risico, en na een heupbreuk vanaf 75 jaar.',
      'Medicine to strengthen bone helps with osteoporosis, a collapsed vertebra, long use of prednisolone with a high risk, and after a broken hip from age 75.',
    ),
    clinician: bi(
      'Medicatie geïndiceerd bij: osteoporose of ernstige osteoporose (T); wervelfractuur (VFA graad ≥ 2 of laag-energetische wervelfractuur ≥ 50 jaar, ongeacht BMD, tenzij T boven instelling vertebralFractureMinT); glucocorticoïden ≥ 7,5 mg/dag ≥ 3 maanden met postmenopauze, man ≥ 70, ≥ 15 mg/dag, fractuur of T ≤ drempel (standaard −2,0); kwalificerende heupfractuur ≥ 75 jaar.',
      'Medication indicated for: osteoporosis or severe osteoporosis (T); vertebral fracture (VFA grade ≥ 2 or low-energy spine fracture at ≥ 50, whatever the BMD, unless T is above setting vertebralFractureMinT); glucocorticoids ≥ 7.5 mg/day ≥ 3 months with postmenopause, man ≥ 70, ≥ 15 mg/day, a fracture or T ≤ threshold (default −2.0); a qualifying hip fracture at ≥ 75.',
    ),
  },
  evaluate(r): Finding[] {
    const c = r.case;
    const a = assessIndication(c, r.settings);
    // The assessment's own reader is this conclusion's provenance.
    const rd = a.reads;
    const value = { indicated: a.indicated, reasons: [...a.reasons] };
    const lowT = lowestTScore(c);
    const tText = (lang: 'nl' | 'en') => (lowT === undefined ? '' : lang === 'nl' ? ` Laagste T-score ${num(lowT, 'nl', 1)}.` : ` Lowest T-score ${num(lowT, 'en', 1)}.`);
    if (a.indicated) {
      const gc = a.glucocorticoidCriteria.length > 0 && a.reasons.includes('glucocorticoids') ? a.glucocorticoidCriteria : [];
      return [conclude(rd, 'treatment.medication-indicated', value, 'action', (lang: Lang): LangText => {
        const nl = lang === 'nl';
        const t = lowT === undefined ? undefined : num(lowT, lang, 1);
        const gcText = gc.length > 0
          ? ` (${nl ? 'glucocorticoïden' : 'glucocorticoids'}: ${list(gc.map((k) => (GC_CRITERIA[k] as Bilingual)[lang]), lang)})`
          : '';
        return nl
          ? {
              patient: `Medicijnen voor sterkere botten worden u aangeraden, omdat ${list(a.reasons.map((r) => REASON[r].p.nl), 'nl')}.${t !== undefined ? ` Uw laagste T-score is ${t}.` : ''}`,
              clinician: `Medicatie geïndiceerd: ${list(a.reasons.map((r) => REASON[r].c.nl), 'nl')}${gcText}.${t !== undefined ? ` Laagste T-score ${t}.` : ''}`,
            }
          : {
              patient: `Medicine to strengthen your bones is advised, because ${list(a.reasons.map((r) => REASON[r].p.en), 'en')}.${t !== undefined ? ` Your lowest T-score is ${t}.` : ''}`,
              clinician: `Medication indicated: ${list(a.reasons.map((r) => REASON[r].c.en), 'en')}${gcText}.${t !== undefined ? ` Lowest T-score ${t}.` : ''}`,
            };
      })];
    }
    const noT = lowT === undefined;
    if (a.osteopeniaWithFracture) {
      return [conclude(rd, 'treatment.medication-indicated', value, 'info', (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: `U heeft geen botversterkende medicijnen nodig. Uw laagste T-score is ${num(lowT ?? 0, 'nl', 1)}: dat is osteopenie. Na uw botbreuk zijn bewegen, gezond eten en vallen voorkomen nu het plan.`,
            clinician: `Geen medicatie-indicatie: osteopenie (laagste T ${num(lowT ?? 0, 'nl', 1)}) met kwalificerende fractuur. Beleid: leefstijladviezen en valpreventie.`,
          }
        : {
            patient: `You do not need bone medicine. Your lowest T-score is ${num(lowT ?? 0, 'en', 1)}: that is osteopenia. After your fracture the plan is exercise, healthy food and preventing falls.`,
            clinician: `No medication indication: osteopenia (lowest T ${num(lowT ?? 0, 'en', 1)}) with a qualifying fracture. Plan: lifestyle advice and fall prevention.`,
          })];
    }
    return [conclude(rd, 'treatment.medication-indicated', value, noT ? 'attention' : 'info', (lang: Lang): LangText => {
      if (noT) {
        return lang === 'nl'
          ? {
              patient: 'We weten nog niet of u medicijnen nodig heeft. Daarvoor is eerst een botdichtheidsmeting (DXA) nodig.',
              clinician: 'Geen medicatie-indicatie op de vastgelegde gegevens; T-score ontbreekt: laat een DXA maken.',
            }
          : {
              patient: 'We do not know yet whether you need medicine. A bone density scan (DXA) is needed first.',
              clinician: 'No medication indication on the recorded data; T-score missing: obtain a DXA.',
            };
      }
      return lang === 'nl'
        ? {
            patient: `Op dit moment heeft u geen botversterkende medicijnen nodig. Uw laagste T-score is ${num(lowT, 'nl', 1)}.`,
            clinician: `Geen medicatie-indicatie op de vastgelegde gegevens.${tText('nl')}`,
          }
        : {
            patient: `At the moment you do not need bone medicine. Your lowest T-score is ${num(lowT, 'en', 1)}.`,
            clinician: `No medication indication on the recorded data.${tText('en')}`,
          };
    })];
  },
};

export const SPECIALIST_REASONS = ['young-onset', 'multiple-vertebral-fractures', 'secondary-cause', 'fracture-on-treatment'] as const;

export function specialistReasons(r: Reader): string[] {
  const c = r.case;
  const reasons: string[] = [];
  const age = ageOn(r.read(F['person.birthDate']) as string, c.asOf);
  const b = bmdCategory(c, r.settings);
  if (b) r.derived(D['bmd-category'], b.category);
  const low = b ? b.category === 'osteoporosis' || b.category === 'severe-osteoporosis' || b.category === 'below-expected-range' : undefined;
  if (r.check(C['young-onset'], age >= 50 ? false : low)) reasons.push('young-onset');
  const vfa = c.vfa && compareDates(c.vfa.date, c.asOf) <= 0 ? c.vfa.vertebrae : [];
  const g2 = vfa.filter((v) => v.grade === 2).length;
  const g3 = vfa.filter((v) => v.grade === 3).length;
  if (c.vfa) r.read(F['vfa.vertebrae']);
  if (r.check(C['multiple-vertebral-fractures'], g2 >= 2 || g3 >= 1 ? true : c.vfa === undefined ? undefined : false)) reasons.push('multiple-vertebral-fractures');
  const lp = labPicture(c);
  r.take(lp.reads);
  if (lp.secondaryCauses.length > 0) r.derived(D['secondary-causes'], [...lp.secondaryCauses]);
  if (r.check(C['secondary-cause'], lp.secondaryCauses.length > 0 ? true : lp.reads.missing.length > 0 ? undefined : false)) reasons.push('secondary-cause');
  const onTreatment = fracturesOnTreatment(c);
  if (onTreatment.length > 0) {
    r.read(F['fractures']);
    r.read(F['medications']);
    r.derived(D['fractures-on-treatment'], onTreatment.map((f) => `${f.site} ${f.date}`));
  }
  if (r.check(C['fracture-on-treatment'], onTreatment.length > 0)) reasons.push('fracture-on-treatment');
  return reasons;
}

/** Low-energy fractures at least one year into a medication course (start + 1 y ≤ date ≤ end or asOf). */
export function fracturesOnTreatment(c: Case) {
  const meds = c.medications ?? [];
  return knownFractures(c).filter((f) => isLowEnergy(f) && meds.some((m) =>
    compareDates(addYears(m.start, 1), f.date) <= 0 && compareDates(f.date, m.end ?? c.asOf) <= 0));
}

const SPEC_TEXT: Record<string, { p: Bilingual; c: Bilingual }> = {
  'young-onset': { p: bi('u bent jonger dan 50 en uw botten zijn al dun', 'you are under 50 and your bones are already thin'), c: bi('jonger dan 50 met lage botdichtheid', 'under 50 with low bone density') },
  'multiple-vertebral-fractures': { p: bi('meer dan één wervel is ingezakt, of één flink', 'more than one vertebra has collapsed, or one badly'), c: bi('≥ 2 wervels graad 2 of een wervel graad 3', '≥ 2 vertebrae grade 2 or any grade 3') },
  'secondary-cause': { p: bi('uw bloed wijst op een andere oorzaak van dunne botten', 'your blood tests point to another cause of thin bones'), c: bi('vermoeden secundaire oorzaak', 'suspected secondary cause') },
  'fracture-on-treatment': { p: bi('u brak iets terwijl u al meer dan een jaar medicijnen gebruikte', 'you broke a bone after more than a year on medicine'), c: bi('nieuwe fractuur na ≥ 1 jaar medicatie', 'new fracture after ≥ 1 year on medication') },
};

const specialist: Rule = {
  id: 'treatment.specialist',
  stage: 'treatment',
  source: ['NIV-2022', 'NHG-2024'],
  inputs: ['asOf', 'person.birthDate', 'dxa', 'vfa', 'labs', 'fractures', 'medications', 'safety.osteomalaciaSymptoms'],
  codes: ['treatment.specialist'],
  derived: ['bmd-category', 'fractures-on-treatment', 'secondary-causes'],
  criteria: ['young-onset', 'multiple-vertebral-fractures', 'secondary-cause', 'fracture-on-treatment'],
  about: {
    patient: bi(
      'Soms is het beter dat een specialist meekijkt. Bijvoorbeeld als u jong bent met dunne botten, als meerdere wervels zijn ingezakt, als het bloed op een andere oorzaak wijst, of als u iets breekt terwijl u al medicijnen gebruikt.',
      'Sometimes a specialist should take a look: when you are young with thin bones, several vertebrae have collapsed, blood tests point to another cause, or you break a bone while already on medicine.',
    ),
    clinician: bi(
      'Verwijzing/overleg specialist bij: < 50 jaar met osteoporose of Z ≤ −2,0; ≥ 2 wervels graad 2 of een graad 3; vermoede secundaire oorzaak (§6); nieuwe fractuur na ≥ 1 jaar medicatie.',
      'Refer or consult a specialist for: age < 50 with osteoporosis or Z ≤ −2.0; ≥ 2 vertebrae grade 2 or any grade 3; a suspected secondary cause (§6); a new fracture after ≥ 1 year on medication.',
    ),
  },
  evaluate(r): Finding[] {
    const reasons = specialistReasons(r);
    if (reasons.length === 0) return [];
    return [conclude(r, 'treatment.specialist', { reasons }, 'attention', (lang: Lang): LangText => lang === 'nl'
      ? {
          patient: `Het is goed als een specialist meekijkt, omdat ${list(reasons.map((x) => SPEC_TEXT[x]?.p.nl ?? x), 'nl')}.`,
          clinician: `Specialist betrekken: ${list(reasons.map((x) => SPEC_TEXT[x]?.c.nl ?? x), 'nl')}.`,
        }
      : {
          patient: `A specialist should take a look, because ${list(reasons.map((x) => SPEC_TEXT[x]?.p.en ?? x), 'en')}.`,
          clinician: `Involve a specialist: ${list(reasons.map((x) => SPEC_TEXT[x]?.c.en ?? x), 'en')}.`,
        })];
  },
};

export interface FirstChoice {
  /** First-choice drugs, none of them contra-indicated. */
  drugs: Drug[];
  /** Those of `drugs` that wait only for something correction lifts (§5). */
  afterCorrection: Drug[];
  why: 'oral' | 'hip-fracture-75-plus' | 'oral-contra-indicated' | 'third-fracture-on-treatment' | 'others-contra-indicated' | 'all-contra-indicated';
  /** Per drug in `afterCorrection`, the reasons to correct first. */
  correct: Map<Drug, SafetyReason[]>;
}

/** Safety reasons that correction lifts: a drug held back only by these stays a first choice (§5). */
export const CORRECTABLE: readonly SafetyReason[] = [
  'hypocalcaemia', 'osteomalacia-suspected', 'hip-fracture-repair-under-2-weeks', 'vitamin-d-below-30', 'dental-treatment-pending',
];

/**
 * First-choice drugs (§5); null when medication is not indicated. A drug counts as contra-indicated
 * when §7 blocks it for a reason correction does not lift; it is then never named.
 */
export function firstChoice(r: Reader): FirstChoice | null {
  const c = r.case;
  const a = assessIndication(c, r.settings);
  if (!a.indicated) return null;
  r.derived(D['medication-indicated'], true);
  const correct = new Map<Drug, SafetyReason[]>();
  const usable = (d: Drug): boolean => {
    const sfy = drugSafety(c, d);
    r.take(sfy.reads);
    const fix = sfy.value.reasons.filter((x) => CORRECTABLE.includes(x));
    const contra = sfy.value.status === 'blocked' && sfy.value.reasons.some((x) => !CORRECTABLE.includes(x) && sfy.blocks.includes(x));
    if (!contra && fix.length > 0) correct.set(d, fix);
    return !contra;
  };
  const result = (drugs: Drug[], why: FirstChoice['why']): FirstChoice =>
    ({ drugs, afterCorrection: drugs.filter((d) => correct.has(d)), why, correct });

  const lowEnergy = knownFractures(c).filter(isLowEnergy);
  const third = lowEnergy.length >= 3 && fracturesOnTreatment(c).length > 0;
  if (r.check(C['third-fracture-on-treatment'], third)) {
    r.read(F['fractures']);
    r.read(F['medications']);
    if (usable('teriparatide')) return result(['teriparatide'], 'third-fracture-on-treatment');
  }
  if (r.check(C['hip-fracture-75-plus'], a.reasons.includes('hip-fracture-75-plus')) && usable('zoledronic-acid')) {
    return result(['zoledronic-acid'], 'hip-fracture-75-plus');
  }
  const oral = (['alendronic-acid', 'risedronic-acid'] as Drug[]).filter(usable);
  if (!r.check(C['oral-contra-indicated'], oral.length === 0)) return result(oral, 'oral');
  const parenteral = (['zoledronic-acid', 'denosumab'] as Drug[]).filter(usable);
  if (!r.check(C['parenteral-contra-indicated'], parenteral.length === 0)) return result(parenteral, 'oral-contra-indicated');
  if (!third && usable('teriparatide')) return result(['teriparatide'], 'others-contra-indicated');
  return result([], 'all-contra-indicated');
}

const DRUG_NAME: Record<string, Bilingual> = {
  'alendronic-acid': bi('alendroninezuur', 'alendronic acid'),
  'risedronic-acid': bi('risedroninezuur', 'risedronic acid'),
  'zoledronic-acid': bi('zoledroninezuur', 'zoledronic acid'),
  denosumab: bi('denosumab', 'denosumab'),
  teriparatide: bi('teriparatide', 'teriparatide'),
};

const WHY: Record<FirstChoice['why'], { p: Bilingual; c: Bilingual }> = {
  oral: { p: bi('Meestal begint u met een tablet één keer per week.', 'Most people start with a tablet once a week.'), c: bi('orale bisfosfonaat is eerste keus', 'oral bisphosphonate is first choice') },
  'hip-fracture-75-plus': { p: bi('Na een heupbreuk krijgt u het medicijn via een infuus, vanaf 2 weken na de operatie.', 'After a broken hip you get the medicine through a drip, from 2 weeks after the operation.'), c: bi('heupfractuur ≥ 75 jaar: zoledroninezuur vanaf 2 weken na de operatie', 'hip fracture at ≥ 75: zoledronic acid from 2 weeks after repair') },
  'oral-contra-indicated': { p: bi('Tabletten zijn voor u niet geschikt. Daarom krijgt u een infuus of een prik.', 'Tablets are not suitable for you, so you get a drip or an injection.'), c: bi('oraal gecontra-indiceerd of niet verdragen', 'oral route contra-indicated or not tolerated') },
  'third-fracture-on-treatment': { p: bi('U brak opnieuw iets tijdens de behandeling. Daarom is een middel nodig dat bot opbouwt.', 'You broke a bone again during treatment, so you need a medicine that builds bone.'), c: bi('derde fractuur tijdens behandeling', 'third fracture during treatment') },
  'others-contra-indicated': { p: bi('De andere middelen zijn voor u niet geschikt.', 'The other medicines are not suitable for you.'), c: bi('overige middelen gecontra-indiceerd', 'other drugs contra-indicated') },
  'all-contra-indicated': { p: bi('Geen van de gewone botmedicijnen is nu geschikt voor u. Uw arts overlegt met een specialist.', 'None of the usual bone medicines suits you now. Your doctor will consult a specialist.'), c: bi('alle middelen gecontra-indiceerd: overleg specialist', 'every drug contra-indicated: consult a specialist') },
};

const firstChoiceRule: Rule = {
  id: 'treatment.first-choice',
  stage: 'treatment',
  source: ['NIV-2022', 'NHG-2024', 'Farmacotherapeutisch Kompas'],
  inputs: ['safety.canStayUpright30Min', 'safety.oesophagealDisorder', 'labs', 'fractures', 'medications', 'person.sex', 'safety.dentalCheckDone', 'safety.hipFractureRepairDate', 'safety.invasiveDentalTreatmentPlanned', 'safety.osteomalaciaSymptoms', 'safety.pregnant', 'safety.skeletalMalignancy', 'safety.skeletalRadiotherapy'],
  codes: ['treatment.first-choice'],
  derived: ['medication-indicated'],
  criteria: ['third-fracture-on-treatment', 'hip-fracture-75-plus', 'oral-contra-indicated', 'parenteral-contra-indicated'],
  about: {
    patient: bi(
      'Als u medicijnen nodig heeft, begint u meestal met een tablet één keer per week. Gaat dat niet, dan is er een infuus of een prik. Bij steeds nieuwe breuken is er een middel dat bot opbouwt.',
      'If you need medicine, you usually start with a weekly tablet. If that is not possible, there is a drip or an injection. With new fractures despite treatment, there is a medicine that builds bone.',
    ),
    clinician: bi(
      'Eerste keus: oraal bisfosfonaat (alendroninezuur, risedroninezuur); zoledroninezuur of denosumab bij contra-indicatie of intolerantie voor oraal; teriparatide bij een derde fractuur tijdens behandeling of als de rest gecontra-indiceerd is. Heupfractuur ≥ 75 jaar: zoledroninezuur vanaf 2 weken na de operatie.',
      'First choice: oral bisphosphonate (alendronic or risedronic acid); zoledronic acid or denosumab when oral is contra-indicated or not tolerated; teriparatide on a third fracture during treatment or when the others are contra-indicated. Hip fracture at ≥ 75: zoledronic acid from 2 weeks after repair.',
    ),
  },
  evaluate(r): Finding[] {
    const c = r.case;
    const fc = firstChoice(r);
    if (!fc) return [];
    const names = (lang: 'nl' | 'en') => list(fc.drugs.map((d) => DRUG_NAME[d]?.[lang] ?? d), lang);
    const w = WHY[fc.why];
    const hip = qualifyingFractures(c, r.settings).find((f) => f.site === 'hip' && ageAtFracture(c, f) >= 75);
    const hipNote = fc.why === 'hip-fracture-75-plus' && hip ? bi(` (fractuur ${hip.date})`, ` (fracture ${hip.date})`) : bi('', '');
    const value = { drugs: [...fc.drugs], afterCorrection: [...fc.afterCorrection] };
    return [conclude(r, 'treatment.first-choice', value, 'info', (lang: Lang): LangText => {
      const nl = lang === 'nl';
      // What must be corrected first, per drug that waits for it.
      let first = '';
      let firstPatient = '';
      for (const d of fc.afterCorrection) {
        const why = (fc.correct.get(d) ?? []).map((x) => (nl ? REASON_WORDS[x].clinicianNl : REASON_WORDS[x].clinicianEn));
        const name = DRUG_NAME[d]?.[lang] ?? d;
        const Name = name.charAt(0).toUpperCase() + name.slice(1);
        first += nl ? ` ${Name} pas na correctie van: ${why.join('; ')}.` : ` ${Name} only after correcting: ${why.join('; ')}.`;
      }
      if (fc.afterCorrection.length > 0) {
        firstPatient = nl ? ' Eerst moet er iets anders beter worden. Uw arts legt uit wat.' : ' Something else must be put right first. Your doctor explains what.';
      }
      if (fc.drugs.length === 0) {
        return nl
          ? { patient: `${w.p.nl}`, clinician: `Eerste keus: geen — ${w.c.nl}.` }
          : { patient: `${w.p.en}`, clinician: `First choice: none — ${w.c.en}.` };
      }
      return nl
        ? {
            patient: `Het eerste middel voor u: ${names('nl')}. ${w.p.nl}${firstPatient}`,
            clinician: `Eerste keus: ${names('nl')} — ${w.c.nl}${hipNote.nl}.${first}`,
          }
        : {
            patient: `The first medicine for you: ${names('en')}. ${w.p.en}${firstPatient}`,
            clinician: `First choice: ${names('en')} — ${w.c.en}${hipNote.en}.${first}`,
          };
    })];
  },
};

export const rules: Rule[] = [medicationIndicated, specialist, firstChoiceRule];
