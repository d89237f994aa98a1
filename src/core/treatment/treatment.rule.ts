// Treatment rules (clinical-rules.md §5): medication indication, specialist referral, first choice.
import type { Case, Drug } from '../case.schema.js';
import type { Settings } from '../settings.js';
import type { Bilingual, Finding, Lang, LangText, Rule } from '../rule.js';
import { addYears, ageOn, compareDates } from '../time/date.js';
import { finding } from '../finding.js';
import { bi, list, num } from '../text.js';
import { knownFractures, isLowEnergy, qualifyingFractures, ageAtFracture } from '../case-finding/fractures.js';
import { bmdCategory, lowestTScore } from '../diagnosis/bmd.js';
import { labPicture } from '../laboratory/picture.js';
import { assessIndication, type IndicationReason } from './indication.js';

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
  evaluate({ case: c, settings: s }): Finding[] {
    const a = assessIndication(c, s);
    const value = { indicated: a.indicated, reasons: [...a.reasons] };
    const lowT = lowestTScore(c);
    const tText = (lang: 'nl' | 'en') => (lowT === undefined ? '' : lang === 'nl' ? ` Laagste T-score ${num(lowT, 'nl', 1)}.` : ` Lowest T-score ${num(lowT, 'en', 1)}.`);
    if (a.indicated) {
      const gc = a.glucocorticoidCriteria.length > 0 && a.reasons.includes('glucocorticoids') ? a.glucocorticoidCriteria : [];
      return [finding('treatment.medication-indicated', value, 'action', a.used, a.missing, (lang: Lang): LangText => {
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
      return [finding('treatment.medication-indicated', value, 'info', a.used, a.missing, (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: `U heeft geen botversterkende medicijnen nodig. Uw laagste T-score is ${num(lowT ?? 0, 'nl', 1)}: dat is osteopenie. Na uw botbreuk zijn bewegen, gezond eten en vallen voorkomen nu het plan.`,
            clinician: `Geen medicatie-indicatie: osteopenie (laagste T ${num(lowT ?? 0, 'nl', 1)}) met kwalificerende fractuur. Beleid: leefstijladviezen en valpreventie.`,
          }
        : {
            patient: `You do not need bone medicine. Your lowest T-score is ${num(lowT ?? 0, 'en', 1)}: that is osteopenia. After your fracture the plan is exercise, healthy food and preventing falls.`,
            clinician: `No medication indication: osteopenia (lowest T ${num(lowT ?? 0, 'en', 1)}) with a qualifying fracture. Plan: lifestyle advice and fall prevention.`,
          })];
    }
    return [finding('treatment.medication-indicated', value, noT ? 'attention' : 'info', a.used, a.missing, (lang: Lang): LangText => {
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

export function specialistReasons(c: Case, s: Settings): { reasons: string[]; used: Record<string, unknown>; missing: string[] } {
  const reasons: string[] = [];
  const used: Record<string, unknown> = {};
  const age = ageOn(c.person.birthDate, c.asOf);
  const b = bmdCategory(c, s);
  if (b) used['bmd.category'] = b.category;
  if (age < 50 && b && (b.category === 'osteoporosis' || b.category === 'severe-osteoporosis' || b.category === 'below-expected-range')) reasons.push('young-onset');
  const vfa = c.vfa && compareDates(c.vfa.date, c.asOf) <= 0 ? c.vfa.vertebrae : [];
  const g2 = vfa.filter((v) => v.grade === 2).length;
  const g3 = vfa.filter((v) => v.grade === 3).length;
  if (c.vfa) used['vfa'] = { grade2: g2, grade3: g3 };
  if (g2 >= 2 || g3 >= 1) reasons.push('multiple-vertebral-fractures');
  const lp = labPicture(c);
  if (lp.secondaryCauses.length > 0) {
    reasons.push('secondary-cause');
    used['secondaryCauses'] = [...lp.secondaryCauses];
  }
  const onTreatment = fracturesOnTreatment(c);
  if (onTreatment.length > 0) {
    reasons.push('fracture-on-treatment');
    used['fractures.onTreatment'] = onTreatment.map((f) => `${f.site} ${f.date}`);
  }
  return { reasons, used, missing: [...lp.missing] };
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
  inputs: ['asOf', 'person.birthDate', 'dxa', 'vfa', 'labs', 'fractures', 'medications'],
  codes: ['treatment.specialist'],
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
  evaluate({ case: c, settings: s }): Finding[] {
    const r = specialistReasons(c, s);
    if (r.reasons.length === 0) return [];
    return [finding('treatment.specialist', { reasons: r.reasons }, 'attention', r.used, r.missing, (lang: Lang): LangText => lang === 'nl'
      ? {
          patient: `Het is goed als een specialist meekijkt, omdat ${list(r.reasons.map((x) => SPEC_TEXT[x]?.p.nl ?? x), 'nl')}.`,
          clinician: `Specialist betrekken: ${list(r.reasons.map((x) => SPEC_TEXT[x]?.c.nl ?? x), 'nl')}.`,
        }
      : {
          patient: `A specialist should take a look, because ${list(r.reasons.map((x) => SPEC_TEXT[x]?.p.en ?? x), 'en')}.`,
          clinician: `Involve a specialist: ${list(r.reasons.map((x) => SPEC_TEXT[x]?.c.en ?? x), 'en')}.`,
        })];
  },
};

export interface FirstChoice {
  drugs: Drug[];
  why: 'oral' | 'hip-fracture-75-plus' | 'oral-contra-indicated' | 'third-fracture-on-treatment' | 'others-contra-indicated';
  used: Record<string, unknown>;
  missing: string[];
}

/** First-choice drugs (§5); null when medication is not indicated. */
export function firstChoice(c: Case, s: Settings): FirstChoice | null {
  const a = assessIndication(c, s);
  if (!a.indicated) return null;
  const used: Record<string, unknown> = {};
  const missing: string[] = [];
  const safety = c.safety ?? {};
  if (safety.canStayUpright30Min === undefined) missing.push('safety.canStayUpright30Min');
  else used['safety.canStayUpright30Min'] = safety.canStayUpright30Min;
  if (safety.oesophagealDisorder === undefined) missing.push('safety.oesophagealDisorder');
  else used['safety.oesophagealDisorder'] = safety.oesophagealDisorder;
  const egfr = labPicture(c).egfr;
  if (egfr === undefined) missing.push('labs.egfr');
  else used['labs.egfr'] = egfr;

  // Oral: alendronic acid needs eGFR ≥ 35, risedronic acid ≥ 30 (SmPC, as in §7).
  const oralBlocked = safety.canStayUpright30Min === false || safety.oesophagealDisorder === true;
  const oral: Drug[] = oralBlocked ? [] : (['alendronic-acid', 'risedronic-acid'] as Drug[]).filter((d) =>
    egfr === undefined || egfr >= (d === 'alendronic-acid' ? 35 : 30));
  const zolOk = egfr === undefined || egfr >= 35;

  const lowEnergy = knownFractures(c).filter(isLowEnergy);
  const third = lowEnergy.length >= 3 && fracturesOnTreatment(c).length > 0;
  if (third) {
    used['fractures.lowEnergy'] = lowEnergy.length;
    return { drugs: ['teriparatide'], why: 'third-fracture-on-treatment', used, missing };
  }
  if (a.reasons.includes('hip-fracture-75-plus') && zolOk) {
    return { drugs: ['zoledronic-acid'], why: 'hip-fracture-75-plus', used, missing };
  }
  if (oral.length > 0) return { drugs: oral, why: 'oral', used, missing };
  const parenteral: Drug[] = zolOk ? ['zoledronic-acid', 'denosumab'] : ['denosumab'];
  if (parenteral.length > 0) return { drugs: parenteral, why: 'oral-contra-indicated', used, missing };
  return { drugs: ['teriparatide'], why: 'others-contra-indicated', used, missing };
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
};

const firstChoiceRule: Rule = {
  id: 'treatment.first-choice',
  stage: 'treatment',
  source: ['NIV-2022', 'NHG-2024', 'Farmacotherapeutisch Kompas'],
  inputs: ['safety.canStayUpright30Min', 'safety.oesophagealDisorder', 'labs.egfr', 'fractures', 'medications'],
  codes: ['treatment.first-choice'],
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
  evaluate({ case: c, settings: s }): Finding[] {
    const fc = firstChoice(c, s);
    if (!fc) return [];
    const names = (lang: 'nl' | 'en') => list(fc.drugs.map((d) => DRUG_NAME[d]?.[lang] ?? d), lang);
    const w = WHY[fc.why];
    const hip = qualifyingFractures(c, s).find((f) => f.site === 'hip' && ageAtFracture(c, f) >= 75);
    const hipNote = fc.why === 'hip-fracture-75-plus' && hip ? bi(` (fractuur ${hip.date})`, ` (fracture ${hip.date})`) : bi('', '');
    return [finding('treatment.first-choice', { drugs: [...fc.drugs] }, 'info', fc.used, fc.missing, (lang: Lang): LangText => lang === 'nl'
      ? {
          patient: `Het eerste middel voor u: ${names('nl')}. ${w.p.nl}`,
          clinician: `Eerste keus: ${names('nl')} — ${w.c.nl}${hipNote.nl}.`,
        }
      : {
          patient: `The first medicine for you: ${names('en')}. ${w.p.en}`,
          clinician: `First choice: ${names('en')} — ${w.c.en}${hipNote.en}.`,
        })];
  },
};

export const rules: Rule[] = [medicationIndicated, specialist, firstChoiceRule];
