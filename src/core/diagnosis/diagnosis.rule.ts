// Diagnosis rules (clinical-rules.md §3–4): the bone-density category and the VFA summary.
import type { Case } from '../case.schema.js';
import { VERTEBRA_LEVELS } from '../case.schema.js';
import type { Bilingual, Finding, Lang, LangText, Rule } from '../rule.js';
import { ageOn, compareDates } from '../time/date.js';
import { undecided } from '../finding.js';
import { conclude } from '../rule.js';
import type { Reader } from '../reader.js';
import { bi, day, num } from '../text.js';
import { ADULT_AGE, bmdCategory, latestDxa, scoreTypeFor, T_NORMAL_FROM, T_OSTEOPOROSIS_AT, Z_BELOW_AT, type BmdCategoryName } from './bmd.js';
import { sortBy } from '../sort.js';
import { F } from '../fields.js';
import { criteria, D } from '../reader.js';

/** The criteria this file's rules check (`r.check(C[id], met)`). */
const C = criteria(['t-below-minus-1', 't-at-or-below-minus-2.5', 'qualifying-or-vertebral-fracture', 'z-at-or-below-minus-2', 'paediatric-osteoporosis', 'grade-2-or-more']);

const SITE: Record<string, Bilingual> = {
  'lumbar-spine': bi('lendenwervels', 'lumbar spine'),
  'femoral-neck': bi('heuphals', 'femoral neck'),
  'total-hip': bi('heup', 'total hip'),
};

const CATEGORY: Record<BmdCategoryName, { p: Bilingual; c: Bilingual }> = {
  normal: { p: bi('Uw botdichtheid is normaal.', 'Your bone density is normal.'), c: bi('normaal (T ≥ −1,0)', 'normal (T ≥ −1.0)') },
  osteopenia: {
    p: bi('Uw botten zijn iets dunner dan normaal. Dat heet osteopenie. Het is nog geen botontkalking.', 'Your bones are a little thinner than normal. This is called osteopenia. It is not yet osteoporosis.'),
    c: bi('osteopenie (−2,5 < T < −1,0)', 'osteopenia (−2.5 < T < −1.0)'),
  },
  osteoporosis: {
    p: bi('U heeft botontkalking (osteoporose). Uw botten breken daardoor sneller.', 'You have osteoporosis: thin bones that break more easily.'),
    c: bi('osteoporose (T ≤ −2,5)', 'osteoporosis (T ≤ −2.5)'),
  },
  'severe-osteoporosis': {
    p: bi('U heeft botontkalking (osteoporose) en u heeft al een botbreuk gehad. Dat heet ernstige osteoporose.', 'You have osteoporosis and you have already broken a bone. This is called severe osteoporosis.'),
    c: bi('ernstige osteoporose (T ≤ −2,5 met kwalificerende of wervelfractuur)', 'severe osteoporosis (T ≤ −2.5 with a qualifying or vertebral fracture)'),
  },
  'within-expected-range': {
    p: bi('Uw botdichtheid past bij uw leeftijd.', 'Your bone density is as expected for your age.'),
    c: bi('binnen de verwachte range voor leeftijd (Z > −2,0)', 'within the expected range for age (Z > −2.0)'),
  },
  'below-expected-range': {
    p: bi('Uw botdichtheid is lager dan we verwachten bij uw leeftijd.', 'Your bone density is lower than expected for your age.'),
    c: bi('onder de verwachte range voor leeftijd (Z ≤ −2,0)', 'below the expected range for age (Z ≤ −2.0)'),
  },
  'paediatric-osteoporosis': {
    p: bi('De botten zijn zwak en er waren breuken. De arts noemt dit osteoporose bij een kind.', 'The bones are weak and have broken. The doctor calls this osteoporosis in a child.'),
    c: bi('osteoporose bij kinderen (ISCD: wervelinzakking, of Z ≤ −2,0 met relevante fractuuranamnese)', 'paediatric osteoporosis (ISCD: vertebral compression fracture, or Z ≤ −2.0 with a significant fracture history)'),
  },
};

/** The criteria of the category: each boundary of the score type used, met or not (§3). */
function checkCategory(r: Reader, b: { category: BmdCategoryName; scoreType: 'T' | 'Z'; score: number }, child: boolean): void {
  if (b.scoreType === 'T') {
    r.check(C['t-below-minus-1'], b.score < T_NORMAL_FROM);
    if (r.check(C['t-at-or-below-minus-2.5'], b.score <= T_OSTEOPOROSIS_AT)) r.check(C['qualifying-or-vertebral-fracture'], b.category === 'severe-osteoporosis');
    return;
  }
  r.check(C['z-at-or-below-minus-2'], b.score <= Z_BELOW_AT);
  if (child) r.check(C['paediatric-osteoporosis'], b.category === 'paediatric-osteoporosis');
}

const bmdRule: Rule = {
  id: 'bmd.category',
  stage: 'diagnosis',
  source: ['WHO-1994', 'ISCD'],
  inputs: ['asOf', 'person.birthDate', 'person.sex', 'person.menopause.status', 'dxa', 'fractures', 'vfa', 'settings.fractureSitePolicy'],
  codes: ['bmd.category'],
  derived: ['score-type'],
  criteria: ['z-at-or-below-minus-2', 'paediatric-osteoporosis', 't-below-minus-1', 't-at-or-below-minus-2.5', 'qualifying-or-vertebral-fracture'],
  about: {
    patient: bi(
      'Uit de botdichtheidsmeting komt een score per plek. We kijken naar de laagste score van de laatste meting. Na de overgang en bij mannen vanaf 50 vergelijken we met jonge volwassenen (T-score), anders met mensen van uw eigen leeftijd (Z-score).',
      'The bone density scan gives a score for each place measured. We use the lowest score of the latest scan. After menopause, and for men from 50, we compare with young adults (T-score); otherwise with people your own age (Z-score).',
    ),
    clinician: bi(
      'Laatste DXA-datum, laagste score van lumbaal, heuphals en totale heup. T (WHO) bij postmenopauzale vrouwen en mannen ≥ 50: normaal ≥ −1,0; osteopenie; osteoporose ≤ −2,5; ernstig met fractuur. Z (ISCD) bij premenopauzaal, mannen < 50 en < 20 jaar: ≤ −2,0 onder verwachte range; kinderen met wervelinzakking of Z ≤ −2,0 en ≥ 2 lange-botfracturen t/m 10 jaar of ≥ 3 t/m 19 jaar: osteoporose bij kinderen.',
      'Latest DXA date, lowest score over lumbar spine, femoral neck and total hip. T (WHO) for postmenopausal women and men ≥ 50: normal ≥ −1.0; osteopenia; osteoporosis ≤ −2.5; severe with a fracture. Z (ISCD) for premenopausal women, men < 50 and anyone < 20: ≤ −2.0 below expected range; children with a vertebral compression fracture, or Z ≤ −2.0 with ≥ 2 long-bone fractures by age 10 or ≥ 3 by 19: paediatric osteoporosis.',
    ),
  },
  evaluate(r): Finding[] {
    const c = r.case;
    const s = r.settings;
    const type = scoreTypeFor(c);
    r.read(F['person.birthDate']);
    r.read(F['person.sex']);
    r.derived(D['score-type'], type);
    const b = bmdCategory(c, s);
    if (!b) r.miss(latestDxa(c).length === 0 ? 'dxa' : type === 'T' ? 'dxa.tScore' : 'dxa.zScore');
    if (c.person.sex === 'female') r.read(F['person.menopause.status']);
    if (!b) {
      return [undecided(r, 'bmd.category', {
        patient: bi('uw botdichtheid', 'your bone density'),
        clinician: bi(`Botdichtheidscategorie (${type}-score nodig)`, `Bone density category (${type}-score needed)`),
      })];
    }
    r.note(type === 'T' ? 'dxa.tScore' : 'dxa.zScore', b.score);
    r.note('dxa.site', b.site);
    r.note('dxa.date', b.date);
    checkCategory(r, b, ageOn(c.person.birthDate, c.asOf) < ADULT_AGE);
    const cat = CATEGORY[b.category];
    const age = ageOn(c.person.birthDate, c.asOf);
    const why = type === 'Z'
      ? bi(age < 20 ? 'jonger dan 20' : c.person.sex === 'male' ? 'man jonger dan 50' : 'premenopauzaal', age < 20 ? 'under 20' : c.person.sex === 'male' ? 'man under 50' : 'premenopausal')
      : bi(c.person.sex === 'male' ? 'man ≥ 50' : 'postmenopauzaal of ≥ 50', c.person.sex === 'male' ? 'man ≥ 50' : 'postmenopausal or ≥ 50');
    const severity = b.category === 'osteoporosis' || b.category === 'severe-osteoporosis' || b.category === 'below-expected-range' || b.category === 'paediatric-osteoporosis'
      ? 'action' : b.category === 'osteopenia' ? 'attention' : 'info';
    return [conclude(r, 'bmd.category', { category: b.category, scoreType: b.scoreType, score: b.score, site: b.site, date: b.date }, severity, (lang: Lang): LangText => {
      const score = num(b.score, lang, 1);
      const site = SITE[b.site]?.[lang] ?? b.site;
      return lang === 'nl'
        ? {
            patient: `Uw laagste ${type}-score is ${score}, gemeten bij de ${site} op ${day(b.date, 'nl')}. ${cat.p.nl}`,
            clinician: `Laagste ${type}-score ${score} (${site}, DXA ${b.date}; ${type}-score want ${why.nl}): ${cat.c.nl}.`,
          }
        : {
            patient: `Your lowest ${type}-score is ${score}, measured at the ${site} on ${day(b.date, 'en')}. ${cat.p.en}`,
            clinician: `Lowest ${type}-score ${score} (${site}, DXA ${b.date}; ${type}-score because ${why.en}): ${cat.c.en}.`,
          };
    })];
  },
};

export interface VfaSummary {
  mild: number;
  moderate: number;
  severe: number;
  levels: string[];
  notEvaluable: string[];
}

/** Top-to-bottom position of each vertebra level; a level not in the list sorts first, as before. */
const LEVEL_ORDER: ReadonlyMap<string, number> = new Map(VERTEBRA_LEVELS.map((l, i) => [l, i]));

/** Genant counts per grade; `levels` lists every graded (≥ 1) vertebra top to bottom. */
export function vfaSummary(c: Case): VfaSummary | null {
  const v = c.vfa;
  if (!v || compareDates(v.date, c.asOf) > 0) return null;
  const order = (l: string) => LEVEL_ORDER.get(l) ?? -1;
  const sorted = sortBy([...v.vertebrae], (a, b) => order(a.level) - order(b.level));
  const sum: VfaSummary = { mild: 0, moderate: 0, severe: 0, levels: [], notEvaluable: [] };
  // One pass in level order: the counts and both lists keep the order of the sorted vertebrae.
  for (const x of sorted) {
    if (x.grade === 'not-evaluable') sum.notEvaluable.push(x.level);
    else if (x.grade === 1 || x.grade === 2 || x.grade === 3) {
      if (x.grade === 1) sum.mild++;
      else if (x.grade === 2) sum.moderate++;
      else sum.severe++;
      sum.levels.push(x.level);
    }
  }
  return sum;
}

const vfaRule: Rule = {
  id: 'vfa.vertebral-fractures',
  stage: 'diagnosis',
  source: ['GENANT', 'NHG-2024'],
  inputs: ['asOf', 'vfa.date', 'vfa.vertebrae', 'vfa'],
  codes: ['vfa.vertebral-fractures'],
  derived: [],
  criteria: ['grade-2-or-more'],
  about: {
    patient: bi(
      'Bij de botmeting kan ook een foto van de wervels gemaakt worden (VFA). Daarop zien we of een wervel is ingezakt, en hoe erg: licht, matig of ernstig. Alleen matig en ernstig tellen mee voor de keuze voor medicijnen.',
      'With the bone scan a picture of the spine can be taken (VFA). It shows whether a vertebra has collapsed and how much: mild, moderate or severe. Only moderate and severe count when choosing medicine.',
    ),
    clinician: bi(
      'Genant: graad 1 licht (20–24 % hoogteverlies), 2 matig (25–39 %), 3 ernstig (≥ 40 %). Alleen graad ≥ 2 geldt als wervelfractuur voor behandeling; graad 1 alleen verandert geen beslissing. Niet-vermelde niveaus zijn niet beoordeeld.',
      'Genant: grade 1 mild (20–24 % height loss), 2 moderate (25–39 %), 3 severe (≥ 40 %). Only grade ≥ 2 counts as a vertebral fracture for treatment; grade 1 alone changes no decision. Levels not listed were not assessed.',
    ),
  },
  evaluate(r): Finding[] {
    const c = r.case;
    const sum = vfaSummary(c);
    if (!sum) {
      r.miss('vfa');
      return [undecided(r, 'vfa.vertebral-fractures', {
        patient: bi('of er wervels zijn ingezakt', 'whether any vertebrae have collapsed'),
        clinician: bi('Wervelfracturen', 'Vertebral fractures'),
      })];
    }
    const v = c.vfa!;
    const counted = sum.moderate + sum.severe;
    r.read(F['vfa.date']);
    r.read(F['vfa.vertebrae']);
    r.check(C['grade-2-or-more'], counted > 0);
    const notEvaluable = sum.notEvaluable.join(', ');
    const levels = sum.levels.join(', ');
    return [conclude(r, 'vfa.vertebral-fractures', sum, counted > 0 ? 'action' : 'info', (lang: Lang): LangText => {
      const when = day(v.date, lang);
      if (lang === 'nl') {
        return {
          patient: counted > 0
            ? `Op de wervelfoto van ${when} zijn ${counted} wervel${counted === 1 ? '' : 's'} duidelijk ingezakt (${levels}). Dat telt als een botbreuk in de rug.`
            : sum.mild > 0
              ? `Op de wervelfoto van ${when} is ${sum.mild === 1 ? 'één wervel' : `${sum.mild} wervels`} een klein beetje lager. Dat verandert uw behandeling niet.`
              : `Op de wervelfoto van ${when} zien we geen ingezakte wervels.`,
          clinician: `VFA ${v.date}: graad 1: ${sum.mild}, graad 2: ${sum.moderate}, graad 3: ${sum.severe}${sum.levels.length > 0 ? ` (${levels})` : ''}. ${counted > 0 ? 'Wervelfractuur (graad ≥ 2) aanwezig.' : 'Geen wervelfractuur van graad ≥ 2.'}${sum.notEvaluable.length > 0 ? ` Niet te beoordelen: ${notEvaluable}.` : ''}`,
        };
      }
      return {
        patient: counted > 0
          ? `The spine picture of ${when} shows ${counted} clearly collapsed vertebra${counted === 1 ? '' : 'e'} (${levels}). This counts as a broken bone in the back.`
          : sum.mild > 0
            ? `The spine picture of ${when} shows ${sum.mild === 1 ? 'one vertebra' : `${sum.mild} vertebrae`} slightly lower. This does not change your treatment.`
            : `The spine picture of ${when} shows no collapsed vertebrae.`,
        clinician: `VFA ${v.date}: grade 1: ${sum.mild}, grade 2: ${sum.moderate}, grade 3: ${sum.severe}${sum.levels.length > 0 ? ` (${levels})` : ''}. ${counted > 0 ? 'Vertebral fracture (grade ≥ 2) present.' : 'No grade ≥ 2 vertebral fracture.'}${sum.notEvaluable.length > 0 ? ` Not evaluable: ${notEvaluable}.` : ''}`,
      };
    })];
  },
};

export const rules: Rule[] = [bmdRule, vfaRule];
