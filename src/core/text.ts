// Shared wording tools for explanations: numbers and dates the way each language writes them, and
// the names of case fields a clinician can act on. Kept here so every rule speaks the same words.
import type { Bilingual } from './rule.js';

/** Dutch writes a decimal comma and a true minus sign (−2,7); English a point (−2.7). */
export function num(x: number, lang: 'nl' | 'en', decimals?: number): string {
  const s = decimals === undefined ? thousandths(x) : decimals === 1 || decimals === 2 ? fixed(x, decimals) : x.toFixed(decimals);
  // One pass over the engine's text: sign, then the decimal point, without intermediate strings.
  const from = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const sign = from === 1 ? '\u2212' : '';
  if (lang !== 'nl') return from === 1 ? sign + s.slice(1) : s;
  const dot = s.indexOf('.');
  if (dot < 0) return from === 1 ? sign + s.slice(1) : s;
  return sign + s.slice(from, dot) + ',' + s.slice(dot + 1);
}

/**
 * `x.toFixed(1)` or `x.toFixed(2)`, from the rounded integer of x × 10 or x × 100 where that is
 * certainly the same integer toFixed rounds to: |x| below 10^9 and x × 10^d not within 10^-4 of a
 * half (the product's rounding error is below 10^-5 there, so it cannot cross the half). Near a
 * half, and for anything else, the engine's toFixed decides. toFixed rounds the magnitude half up
 * and keeps the sign of a negative x, also when the digits are all zero (−0.04 → "-0.0").
 */
function fixed(x: number, decimals: 1 | 2): string {
  const a = x < 0 ? -x : x;
  if (!(a < 1e9)) return x.toFixed(decimals);
  const scale = decimals === 1 ? 10 : 100;
  const y = a * scale;
  const half = y - Math.floor(y) - 0.5;
  if (half < 1e-4 && half > -1e-4) return x.toFixed(decimals);
  const n = Math.round(y);
  const whole = Math.floor(n / scale);
  const frac = n - whole * scale;
  const digits = decimals === 1 || frac >= 10 ? '' + frac : '0' + frac;
  return (x < 0 ? '-' : '') + whole + '.' + digits;
}

/**
 * `String(Math.round(x * 1000) / 1000)`, written from the integer thousandths: turning a fraction
 * into text costs V8 a shortest-round-trip search, an integer does not. Equal for every |x| below
 * 10^12: k / 1000 (k an integer below 10^15) is the double nearest to that decimal, whose
 * shortest round-trip form is the decimal itself without trailing zeros. Anything else (huge,
 * NaN, infinite) goes the long way.
 */
function thousandths(x: number): string {
  const k = Math.round(x * 1000);
  const a = k < 0 ? -k : k;
  if (!(a < 1e15)) return String(k / 1000);
  if (a === 0) return '0'; // also −0, which String() writes as 0
  const whole = Math.floor(a / 1000);
  const frac = a - whole * 1000;
  const head = k < 0 ? '-' + whole : '' + whole;
  if (frac === 0) return head;
  if (frac % 100 === 0) return head + '.' + frac / 100;
  if (frac % 10 === 0) return head + (frac < 100 ? '.0' : '.') + frac / 10;
  return head + (frac < 10 ? '.00' : frac < 100 ? '.0' : '.') + frac;
}

const NL_MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
  'september', 'oktober', 'november', 'december'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

const isDigit = (s: string, i: number) => ((s.charCodeAt(i) - 48) >>> 0) <= 9;

/** `2026-11-23` → `23 november 2026` / `23 November 2026` (no Intl: output must not depend on ICU data). */
export function day(iso: string, lang: 'nl' | 'en'): string {
  // A well-formed date (always, in the core) by char code; anything else as before, by splitting.
  if (iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45
    && isDigit(iso, 0) && isDigit(iso, 1) && isDigit(iso, 2) && isDigit(iso, 3)
    && isDigit(iso, 5) && isDigit(iso, 6) && isDigit(iso, 8) && isDigit(iso, 9)) {
    const month = (iso.charCodeAt(5) - 48) * 10 + iso.charCodeAt(6) - 48;
    if (month >= 1 && month <= 12) {
      const d = (iso.charCodeAt(8) - 48) * 10 + iso.charCodeAt(9) - 48;
      return `${d} ${(lang === 'nl' ? NL_MONTHS : EN_MONTHS)[month - 1]} ${iso.slice(0, 4)}`;
    }
  }
  const [y, m, d] = iso.split('-');
  const months = lang === 'nl' ? NL_MONTHS : EN_MONTHS;
  return `${Number(d)} ${months[Number(m) - 1] ?? m} ${y}`;
}

export function list(items: readonly string[], lang: 'nl' | 'en'): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0] as string;
  let out = items[0] as string;
  const last = items.length - 1;
  for (let i = 1; i < last; i++) out += ', ' + items[i];
  return out + (lang === 'nl' ? ' en ' : ' and ') + items[last];
}

export const bi = (nl: string, en: string): Bilingual => ({ nl, en });

/**
 * What a clinician should measure or ask when a path is missing. Paths not listed fall back to the
 * path itself, which is still precise for a clinician.
 */
const FIELD_NAMES: Record<string, Bilingual> = {
  'person.weightKg': bi('gewicht', 'weight'),
  'person.heightCm': bi('lengte', 'height'),
  'person.menopause.status': bi('menopauzestatus', 'menopausal status'),
  'person.menopause.ageAtMenopause': bi('leeftijd bij de menopauze', 'age at menopause'),
  dxa: bi('DXA-meting (botdichtheid)', 'DXA scan (bone density)'),
  'dxa.tScore': bi('T-score bij de DXA', 'DXA T-score'),
  'dxa.zScore': bi('Z-score bij de DXA', 'DXA Z-score'),
  vfa: bi('VFA (wervelfoto bij de DXA)', 'VFA (vertebral fracture assessment)'),
  'riskFactors.parentHipFracture': bi('heupfractuur bij een ouder', 'parental hip fracture'),
  'riskFactors.parentOrSiblingOsteoporosis': bi('osteoporose bij ouder, broer of zus', 'osteoporosis in a parent or sibling'),
  'riskFactors.rheumatoidArthritis': bi('reumatoïde artritis', 'rheumatoid arthritis'),
  'riskFactors.secondaryOsteoporosisCondition': bi('aandoening met secundaire osteoporose', 'condition causing secondary osteoporosis'),
  'riskFactors.reducedMobility': bi('verminderde mobiliteit', 'reduced mobility'),
  'riskFactors.sexHormoneLoweringTherapy': bi('geslachtshormoonverlagende behandeling', 'sex-hormone-lowering therapy'),
  'riskFactors.glucocorticoids': bi('glucocorticoïdgebruik (mg/dag en maanden)', 'glucocorticoid use (mg/day and months)'),
  'falls.fallsLast12Months': bi('aantal vallen in 12 maanden', 'number of falls in 12 months'),
  'safety.osteomalaciaSymptoms': bi('klachten van osteomalacie (bot- of spierpijn, spierzwakte)', 'osteomalacia symptoms (bone or muscle pain, proximal weakness)'),
  'safety.canStayUpright30Min': bi('kan 30 minuten rechtop blijven', 'can stay upright for 30 minutes'),
  'safety.oesophagealDisorder': bi('slokdarmaandoening', 'oesophageal disorder'),
  'labs.calcium': bi('calcium', 'calcium'),
  'labs.albumin': bi('albumine', 'albumin'),
  'labs.calcium-corrected': bi('gecorrigeerd calcium', 'corrected calcium'),
  'labs.creatinine': bi('creatinine', 'creatinine'),
  'labs.egfr': bi('eGFR', 'eGFR'),
  'labs.tsh': bi('TSH', 'TSH'),
  'labs.25-oh-vitamin-d': bi('25-OH-vitamine D', '25-OH vitamin D'),
  'labs.alkaline-phosphatase': bi('alkalische fosfatase', 'alkaline phosphatase'),
  'labs.pth': bi('PTH', 'PTH'),
  'labs.m-protein': bi('M-proteïne', 'M-protein'),
  'labs.testosterone': bi('testosteron', 'testosterone'),
  'labs.testosterone.refLow': bi('ondergrens van het testosteron-referentiebereik', 'lower reference limit for testosterone'),
};

export function fieldName(path: string, lang: 'nl' | 'en'): string {
  return FIELD_NAMES[path]?.[lang] ?? path;
}
export function fieldNames(paths: readonly string[], lang: 'nl' | 'en'): string {
  return list(paths.map((p) => fieldName(p, lang)), lang);
}
