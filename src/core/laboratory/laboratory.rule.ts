// Laboratory rules (clinical-rules.md §6): missing panel, vitamin D status, suspected osteomalacia,
// waiting for vitamin D repletion before medication, and suspected secondary causes.
import type { Case, LabTest } from '../case.schema.js';
import type { Bilingual, Finding, Lang, LangText, Rule } from '../rule.js';
import { addDays, ageOn } from '../time/date.js';
import { undecided } from '../finding.js';
import { conclude } from '../rule.js';
import { bi, day, fieldName, list, num } from '../text.js';
import { qualifyingFractures } from '../case-finding/fractures.js';
import { lowestTScore } from '../diagnosis/bmd.js';
import { assessIndication } from '../treatment/indication.js';
import { labPath, labPicture, type SecondaryCause } from './picture.js';
import { F } from '../fields.js';
import { criteria, D } from '../reader.js';

/** The criteria this file's rules check (`r.check(C[id], met)`). */
const C = criteria(['t-at-or-below-minus-1-with-qualifying-fracture', 'medication-indicated', 'below-30', 'below-50', 'vitamin-d-below-30', 'corrected-calcium-low', 'osteomalacia-symptoms']);

export const REPLETION_DAYS = 42;

/**
 * The basic panel tests that are absent (NIV-2022): calcium, albumin, creatinine/eGFR, TSH,
 * 25-OH vitamin D, and testosterone in men < 70. A reported corrected calcium covers calcium and
 * albumin; eGFR is asked for by name because the safety rules decide on eGFR, not on creatinine.
 */
export function basicPanelMissing(c: Case): LabTest[] {
  const lp = labPicture(c);
  const has = (t: LabTest) => lp.latest(t) !== undefined;
  const out: LabTest[] = [];
  if (!has('calcium') && !has('calcium-corrected')) out.push('calcium');
  if (!has('albumin') && !has('calcium-corrected')) out.push('albumin');
  if (!has('egfr')) out.push('egfr');
  if (!has('tsh')) out.push('tsh');
  if (!has('25-oh-vitamin-d')) out.push('25-oh-vitamin-d');
  if (c.person.sex === 'male' && ageOn(c.person.birthDate, c.asOf) < 70 && !has('testosterone')) out.push('testosterone');
  return out;
}

const panelMissing: Rule = {
  id: 'lab.panel-missing',
  stage: 'laboratory',
  source: ['NIV-2022'],
  inputs: ['labs', 'dxa', 'fractures', 'person.sex', 'person.birthDate'],
  codes: ['lab.panel-missing'],
  derived: ['lowest-t-score', 'medication-indicated', 'qualifying-fracture'],
  criteria: ['t-at-or-below-minus-1-with-qualifying-fracture', 'medication-indicated'],
  about: {
    patient: bi(
      'Als uw botten dunner zijn en u iets brak, of als u medicijnen krijgt, prikken we eerst bloed. Zo zoeken we naar andere oorzaken en kijken we of de medicijnen veilig zijn.',
      'If your bones are thinner and you broke a bone, or if you will take medicine, we first test your blood. This looks for other causes and checks the medicine is safe.',
    ),
    clinician: bi(
      'Basislab: calcium, albumine, creatinine/eGFR, TSH, 25-OH-vitamine D; testosteron bij mannen < 70. Attentie met de ontbrekende bepalingen bij T ≤ −1,0 met kwalificerende fractuur of bij een medicatie-indicatie.',
      'Basic panel: calcium, albumin, creatinine/eGFR, TSH, 25-OH vitamin D; testosterone in men < 70. Attention listing the absent tests when T ≤ −1.0 with a qualifying fracture, or when medication is indicated.',
    ),
  },
  evaluate(r): Finding[] {
    const c = r.case;
    const s = r.settings;
    const t = lowestTScore(c);
    const q = qualifyingFractures(c, s).length > 0;
    const ind = assessIndication(c, s).indicated;
    if (!((t !== undefined && t <= -1.0 && q) || ind)) return [];
    const tests = basicPanelMissing(c);
    if (tests.length === 0) return [];
    if (t !== undefined) r.derived(D['lowest-t-score'], t);
    r.derived(D['qualifying-fracture'], q);
    r.derived(D['medication-indicated'], ind);
    r.check(C['t-at-or-below-minus-1-with-qualifying-fracture'], t === undefined ? (q ? undefined : false) : t <= -1.0 && q);
    r.check(C['medication-indicated'], ind);
    for (const x of tests) r.miss(labPath(x));
    const names = (lang: 'nl' | 'en') => list(tests.map((x) => fieldName(labPath(x), lang)), lang);
    const why = ind ? bi('medicatie is geïndiceerd', 'medication is indicated') : bi(`T ${num(t ?? 0, 'nl', 1)} met kwalificerende fractuur`, `T ${num(t ?? 0, 'en', 1)} with a qualifying fracture`);
    return [conclude(r, 'lab.panel-missing', { tests }, 'attention', (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: `We missen nog bloeduitslagen: ${names('nl')}. Laat uw bloed prikken.`,
            clinician: `Basislab onvolledig (${why.nl}); ontbreekt: ${names('nl')}.`,
          }
        : {
            patient: `Some blood results are still missing: ${names('en')}. Please have a blood test.`,
            clinician: `Basic panel incomplete (${why.en}); missing: ${names('en')}.`,
          })];
  },
};

const VD_TEXT: Record<string, { p: Bilingual; c: Bilingual }> = {
  'severe-deficiency': { p: bi('Dat is veel te laag.', 'That is far too low.'), c: bi('ernstige deficiëntie (< 30 nmol/L)', 'severe deficiency (< 30 nmol/L)') },
  insufficient: { p: bi('Dat is iets te laag.', 'That is a little too low.'), c: bi('onvoldoende (30–49 nmol/L)', 'insufficient (30–49 nmol/L)') },
  adequate: { p: bi('Dat is goed.', 'That is good.'), c: bi('voldoende (≥ 50 nmol/L)', 'adequate (≥ 50 nmol/L)') },
};

const vitaminD: Rule = {
  id: 'lab.vitamin-d',
  stage: 'laboratory',
  source: ['NHG-2024', 'GR-2012'],
  inputs: ['labs.25-oh-vitamin-d'],
  codes: ['lab.vitamin-d'],
  derived: [],
  criteria: ['below-30', 'below-50'],
  about: {
    patient: bi(
      'We meten hoeveel vitamine D in uw bloed zit. Onder 30 is veel te laag, van 30 tot 50 iets te laag, vanaf 50 goed.',
      'We measure the vitamin D in your blood. Below 30 is far too low, 30 to 50 a little low, 50 or more is good.',
    ),
    clinician: bi(
      '25-OH-vitamine D: < 30 nmol/L ernstige deficiëntie, 30–49 onvoldoende, ≥ 50 voldoende (meest recente waarde, in nmol/L).',
      '25-OH vitamin D: < 30 nmol/L severe deficiency, 30–49 insufficient, ≥ 50 adequate (most recent value, in nmol/L).',
    ),
  },
  evaluate(r): Finding[] {
    const lp = labPicture(r.case);
    const vd = lp.vitaminD;
    const r25 = r.lab('25-oh-vitamin-d', lp.latest('25-oh-vitamin-d'));
    if (!vd) {
      return [undecided(r, 'lab.vitamin-d', {
        patient: bi('uw vitamine D', 'your vitamin D'),
        clinician: bi('Vitamine-D-status', 'Vitamin D status'),
      })];
    }
    const date = r.note('labs.25-oh-vitamin-d.date', r25?.date);
    r.check(C['below-30'], vd.status === 'severe-deficiency');
    r.check(C['below-50'], vd.status !== 'adequate');
    const t = VD_TEXT[vd.status] as { p: Bilingual; c: Bilingual };
    const severity = vd.status === 'severe-deficiency' ? 'action' : vd.status === 'insufficient' ? 'attention' : 'info';
    return [conclude(r, 'lab.vitamin-d', { status: vd.status, nmolPerL: vd.nmolPerL }, severity, (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: `Uw vitamine D is ${num(vd.nmolPerL, 'nl')} nmol/L. ${t.p.nl}`,
            clinician: `25-OH-vitamine D ${num(vd.nmolPerL, 'nl')} nmol/L (${date}): ${t.c.nl}.`,
          }
        : {
            patient: `Your vitamin D is ${num(vd.nmolPerL, 'en')} nmol/L. ${t.p.en}`,
            clinician: `25-OH vitamin D ${num(vd.nmolPerL, 'en')} nmol/L (${date}): ${t.c.en}.`,
          })];
  },
};

const osteomalacia: Rule = {
  id: 'lab.osteomalacia-suspected',
  stage: 'laboratory',
  source: ['NHG-2024', 'NIV-2022'],
  inputs: ['labs.25-oh-vitamin-d', 'labs.calcium', 'labs.albumin', 'labs.calcium-corrected', 'safety.osteomalaciaSymptoms'],
  codes: ['lab.osteomalacia-suspected'],
  derived: [],
  criteria: ['vitamin-d-below-30', 'corrected-calcium-low', 'osteomalacia-symptoms'],
  about: {
    patient: bi(
      'Bij heel weinig vitamine D kunnen botten zacht worden. Dan krijgt u eerst geen botmedicijnen, maar gaat u naar een specialist.',
      'With very little vitamin D, bones can become soft. Then you do not start bone medicine yet; a specialist looks at you first.',
    ),
    clinician: bi(
      'Vitamine D < 30 nmol/L met laag gecorrigeerd calcium of klachten van osteomalacie: vermoeden osteomalacie, alle osteoporosemedicatie blokkeren en verwijzen. Bij onbekende klachten: attentie om ernaar te vragen.',
      'Vitamin D < 30 nmol/L with low corrected calcium or osteomalacia symptoms: suspected osteomalacia, block all osteoporosis medication and refer. With symptoms unrecorded: attention to ask about them.',
    ),
  },
  evaluate(r): Finding[] {
    const lp = labPicture(r.case);
    if (lp.vitaminD?.status !== 'severe-deficiency') return [];
    const vd = lp.vitaminD.nmolPerL;
    r.lab('25-oh-vitamin-d', lp.latest('25-oh-vitamin-d'));
    r.check(C['vitamin-d-below-30'], true);
    const symptoms = r.read(F['safety.osteomalaciaSymptoms']);
    const cc = lp.correctedCalcium;
    if (cc) r.note('labs.calcium-corrected', cc.value);
    else {
      if (lp.latest('calcium') === undefined) r.miss('labs.calcium');
      if (lp.latest('albumin') === undefined) r.miss('labs.albumin');
    }
    r.check(C['corrected-calcium-low'], cc === undefined ? undefined : cc.status === 'low');
    r.check(C['osteomalacia-symptoms'], symptoms);
    if (lp.osteomalaciaSuspected) {
      const reasons = ['vitamin-d-below-30', ...(cc?.status === 'low' ? ['hypocalcaemia'] : []), ...(symptoms === true ? ['osteomalacia-symptoms'] : [])];
      const ccText = (lang: 'nl' | 'en') => (cc?.status === 'low' ? (lang === 'nl' ? `, gecorrigeerd calcium ${num(cc.value, 'nl', 2)} mmol/L (laag)` : `, corrected calcium ${num(cc.value, 'en', 2)} mmol/L (low)`) : '');
      return [conclude(r, 'lab.osteomalacia-suspected', { reasons }, 'block', (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: `Uw vitamine D is heel laag (${num(vd, 'nl')} nmol/L)${symptoms === true ? ' en u heeft klachten' : ''}${cc?.status === 'low' ? ' en uw calcium is te laag' : ''}. Misschien zijn uw botten zacht. U start nog geen botmedicijnen. Een specialist kijkt eerst.`,
            clinician: `Vermoeden osteomalacie: 25-OH-vitamine D ${num(vd, 'nl')} nmol/L${ccText('nl')}${symptoms === true ? ', klachten aanwezig' : ''}. Geen osteoporosemedicatie; verwijs.`,
          }
        : {
            patient: `Your vitamin D is very low (${num(vd, 'en')} nmol/L)${symptoms === true ? ' and you have symptoms' : ''}${cc?.status === 'low' ? ' and your calcium is too low' : ''}. Your bones may be soft. You will not start bone medicine yet. A specialist will check first.`,
            clinician: `Suspected osteomalacia: 25-OH vitamin D ${num(vd, 'en')} nmol/L${ccText('en')}${symptoms === true ? ', symptoms present' : ''}. No osteoporosis medication; refer.`,
          })];
    }
    if (symptoms !== undefined && cc) return [];
    return [undecided(r, 'lab.osteomalacia-suspected', {
      patient: bi('of uw botten zacht zijn door te weinig vitamine D', 'whether your bones have gone soft from too little vitamin D'),
      clinician: bi(`Osteomalacie (vitamine D ${num(vd, 'nl')} nmol/L)`, `Osteomalacia (vitamin D ${num(vd, 'en')} nmol/L)`),
    })];
  },
};

const startAfter: Rule = {
  id: 'medication.start-after',
  stage: 'laboratory',
  source: ['NHG-2024', 'GR-2012'],
  inputs: ['asOf', 'labs.25-oh-vitamin-d', 'labs.calcium', 'labs.albumin', 'labs.calcium-corrected', 'safety.osteomalaciaSymptoms'],
  codes: ['medication.start-after'],
  derived: ['osteomalacia-suspected'],
  criteria: ['vitamin-d-below-30'],
  about: {
    patient: bi(
      'Is uw vitamine D heel laag? Dan slikt u eerst elke dag extra vitamine D (20 microgram). Na 6 weken kunt u met botmedicijnen beginnen.',
      'Is your vitamin D very low? Then you first take extra vitamin D every day (20 micrograms). After 6 weeks you can start bone medicine.',
    ),
    clinician: bi(
      'Vitamine D < 30 nmol/L zonder vermoeden osteomalacie: 800 IE (20 µg) per dag en osteoporosemedicatie niet eerder dan 6 weken later (asOf + 42 dagen).',
      'Vitamin D < 30 nmol/L without suspected osteomalacia: 800 IU (20 µg) daily and osteoporosis medication no sooner than 6 weeks later (asOf + 42 days).',
    ),
  },
  evaluate(r): Finding[] {
    const c = r.case;
    const lp = labPicture(c);
    if (lp.vitaminD?.status !== 'severe-deficiency' || lp.osteomalaciaSuspected) return [];
    const date = addDays(r.read(F['asOf']) as string, REPLETION_DAYS);
    const vd = lp.vitaminD.nmolPerL;
    r.lab('25-oh-vitamin-d', lp.latest('25-oh-vitamin-d'));
    r.check(C['vitamin-d-below-30'], true);
    r.derived(D['osteomalacia-suspected'], false);
    if (c.safety?.osteomalaciaSymptoms === undefined) r.miss('safety.osteomalaciaSymptoms');
    return [conclude(r, 'medication.start-after', { date, reason: 'vitamin-d-repletion' }, 'action', (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: `Uw vitamine D is te laag (${num(vd, 'nl')} nmol/L). Slik eerst elke dag 20 microgram vitamine D. Botmedicijnen kunt u starten vanaf ${day(date, 'nl')}.`,
            clinician: `25-OH-vitamine D ${num(vd, 'nl')} nmol/L: 800 IE (20 µg) per dag; osteoporosemedicatie niet voor ${date}.`,
          }
        : {
            patient: `Your vitamin D is too low (${num(vd, 'en')} nmol/L). First take 20 micrograms of vitamin D every day. You can start bone medicine from ${day(date, 'en')}.`,
            clinician: `25-OH vitamin D ${num(vd, 'en')} nmol/L: 800 IU (20 µg) daily; osteoporosis medication not before ${date}.`,
          })];
  },
};

const CAUSE_TEXT: Record<SecondaryCause, { p: Bilingual; c: Bilingual }> = {
  hyperparathyroidism: { p: bi('de bijschildklieren werken misschien te hard', 'the parathyroid glands may be overactive'), c: bi('hyperparathyreoïdie', 'hyperparathyroidism') },
  hyperthyroidism: { p: bi('de schildklier werkt misschien te snel', 'the thyroid may be overactive'), c: bi('hyperthyreoïdie (TSH verlaagd)', 'hyperthyroidism (TSH below range)') },
  'renal-impairment': { p: bi('de nieren werken minder goed', 'the kidneys work less well'), c: bi('nierfunctiestoornis (eGFR < 60)', 'renal impairment (eGFR < 60)') },
  'vitamin-d-deficiency': { p: bi('u heeft veel te weinig vitamine D', 'you have far too little vitamin D'), c: bi('vitamine-D-deficiëntie (< 30 nmol/L)', 'vitamin D deficiency (< 30 nmol/L)') },
  hypogonadism: { p: bi('uw testosteron is laag', 'your testosterone is low'), c: bi('hypogonadisme (testosteron verlaagd)', 'hypogonadism (low testosterone)') },
  'monoclonal-gammopathy': { p: bi('er is een afwijkend eiwit in het bloed', 'there is an unusual protein in the blood'), c: bi('monoklonale gammopathie (M-proteïne > 0)', 'monoclonal gammopathy (M-protein > 0)') },
  'high-bone-turnover-unexplained': { p: bi('er is veel botombouw zonder duidelijke reden', 'there is a lot of bone turnover without a clear reason'), c: bi('onverklaard verhoogde alkalische fosfatase (geen fractuur < 3 maanden)', 'unexplained raised alkaline phosphatase (no fracture in 3 months)') },
};

const secondaryCause: Rule = {
  id: 'secondary-cause.suspected',
  stage: 'laboratory',
  source: ['NIV-2022'],
  inputs: ['labs', 'person.sex', 'fractures', 'safety.osteomalaciaSymptoms'],
  codes: ['secondary-cause.suspected'],
  derived: ['recent-fracture'],
  criteria: ['hyperparathyroidism', 'hyperthyroidism', 'renal-impairment', 'vitamin-d-deficiency', 'monoclonal-gammopathy', 'high-bone-turnover-unexplained', 'hypogonadism'],
  about: {
    patient: bi(
      'Soms heeft dun bot een andere oorzaak, zoals de schildklier, de nieren of te weinig vitamine D. Het bloedonderzoek kan daarop wijzen. Het is dan een vermoeden, nog geen diagnose.',
      'Sometimes thin bone has another cause, such as the thyroid, the kidneys or too little vitamin D. Blood tests can point to this. It is then a suspicion, not yet a diagnosis.',
    ),
    clinician: bi(
      'Vermoede secundaire oorzaken: hyperparathyreoïdie (gecorrigeerd calcium hoog, of PTH hoog met normaal/hoog calcium), hyperthyreoïdie (TSH laag), nierfunctiestoornis (eGFR < 60), vitamine-D-deficiëntie (< 30), hypogonadisme (man, testosteron onder referentie), monoklonale gammopathie (M-proteïne > 0), onverklaard hoge botombouw (AF verhoogd, geen fractuur < 3 maanden). Standaard referenties: calcium 2,20–2,60, TSH 0,4–4,0, AF ≤ 120, PTH ≤ 7,0.',
      'Suspected secondary causes: hyperparathyroidism (corrected calcium high, or PTH high with normal/high calcium), hyperthyroidism (TSH low), renal impairment (eGFR < 60), vitamin D deficiency (< 30), hypogonadism (man, testosterone below range), monoclonal gammopathy (M-protein > 0), unexplained high turnover (ALP raised, no fracture in 3 months). Default ranges: calcium 2.20–2.60, TSH 0.4–4.0, ALP ≤ 120, PTH ≤ 7.0.',
    ),
  },
  evaluate(r): Finding[] {
    const lp = labPicture(r.case);
    if (lp.secondaryCauses.length === 0) return [];
    const causes = [...lp.secondaryCauses];
    const cc = lp.correctedCalcium;
    const v = (t: LabTest, label: string, unit: string, lang: 'nl' | 'en') => {
      const r = lp.latest(t);
      return r ? `${label} ${num(r.value, lang)} ${unit}` : '';
    };
    const vals = (lang: 'nl' | 'en') => [
      cc ? `${lang === 'nl' ? 'gecorrigeerd calcium' : 'corrected calcium'} ${num(cc.value, lang, 2)} mmol/L` : '',
      v('pth', 'PTH', 'pmol/L', lang), v('tsh', 'TSH', 'mU/L', lang), v('egfr', 'eGFR', lang === 'nl' ? 'mL/min/1,73m²' : 'mL/min/1.73m²', lang),
      v('25-oh-vitamin-d', lang === 'nl' ? 'vitamine D' : 'vitamin D', 'nmol/L', lang), v('testosterone', lang === 'nl' ? 'testosteron' : 'testosterone', 'nmol/L', lang),
      v('m-protein', lang === 'nl' ? 'M-proteïne' : 'M-protein', 'g/L', lang), v('alkaline-phosphatase', lang === 'nl' ? 'AF' : 'ALP', 'U/L', lang),
    ].filter(Boolean).join(', ');
    // The picture's reader is this conclusion's provenance: the causes are the picture's.
    return [conclude(lp.reads, 'secondary-cause.suspected', { causes }, 'attention', (lang: Lang): LangText => lang === 'nl'
      ? {
          patient: `Uw bloeduitslagen wijzen misschien op een andere oorzaak: ${list(causes.map((x) => CAUSE_TEXT[x].p.nl), 'nl')}. Dat is een vermoeden. De arts zoekt het verder uit.`,
          clinician: `Vermoeden secundaire oorzaak: ${list(causes.map((x) => CAUSE_TEXT[x].c.nl), 'nl')} (${vals('nl')}).`,
        }
      : {
          patient: `Your blood results may point to another cause: ${list(causes.map((x) => CAUSE_TEXT[x].p.en), 'en')}. This is a suspicion. The doctor will look into it.`,
          clinician: `Suspected secondary cause: ${list(causes.map((x) => CAUSE_TEXT[x].c.en), 'en')} (${vals('en')}).`,
        })];
  },
};

export const rules: Rule[] = [panelMissing, vitaminD, osteomalacia, startAfter, secondaryCause];
