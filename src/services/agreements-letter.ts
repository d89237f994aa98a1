// The printed agreements of a shared decision: what the patient takes home, in Dutch at B1 or in
// English. A patient document, so 14 pt and up; each page names the patient and the birth date, so
// a page that comes loose still belongs to someone. The option's facts come from the core's codes
// (core/decision/options.ts); the agreements are as the clinician wrote them with the patient.
import type { Drug } from '../core/case.schema.js';
import { CATALOGUE } from '../core/medication/catalogue.js';
import type { DecisionOption } from '../core/record/lists.js';
import type { Agreements, AgreementTopic } from '../schema/decision.schema.js';
import { letterDate, patientLetterPdf, type LetterLang } from './letters.js';

export interface AgreementsLetter {
  lang: LetterLang;
  organisationName: string;
  phone: string;
  patientName: string;
  birthDate: string;
  decidedOn: string;
  printedOn: string;
  option: DecisionOption;
  drug: Drug | null;
  whatMatters: string | null;
  agreements: Agreements;
  madeBy: string;
}

const WORDS = {
  nl: {
    locale: 'nl-NL',
    title: 'Wat wij samen hebben afgesproken',
    intro: (date: string) => `Op ${date} heeft u met ons gekozen hoe u uw botten wilt beschermen. Hieronder staat wat u koos en wat wij hebben afgesproken. Bewaar dit papier goed.`,
    choice: 'Uw keuze',
    options: {
      'lifestyle-only': 'Geen medicijn. U werkt aan sterke botten met bewegen, goed eten en vallen voorkomen.',
      'weekly-tablet': 'Een tablet, één keer per week.',
      'yearly-infusion': 'Een infuus in het ziekenhuis, één keer per jaar.',
      'injection-6-months': 'Een prik onder de huid, één keer per half jaar.',
      'daily-injection': 'Een prik die u zelf geeft, elke dag. Dit medicijn bouwt bot op.',
    } satisfies Record<DecisionOption, string>,
    drug: (name: string) => `Het medicijn heet ${name}.`,
    matters: 'Wat voor u belangrijk is',
    agreementsHead: 'Onze afspraken',
    topics: { medication: 'Medicijnen', exercise: 'Bewegen', nutrition: 'Eten en drinken', followUp: 'Controles', sideEffects: 'Als u last krijgt van het medicijn' } satisfies Record<AgreementTopic, string>,
    none: 'Hierover hebben wij niets apart afgesproken.',
    questions: (phone: string) => `Heeft u vragen, of gaat iets niet goed? Bel ons: ${phone}.`,
    by: (name: string) => `Afgesproken met: ${name}`,
    footer: (name: string, born: string) => `${name}, geboren ${born}`,
    page: (n: number, of: number) => `Blad ${String(n)} van ${String(of)}`,
    printed: (date: string) => `Gemaakt op ${date}`,
  },
  en: {
    locale: 'en-GB',
    title: 'What we agreed together',
    intro: (date: string) => `On ${date} you chose with us how to protect your bones. Below is what you chose and what we agreed. Please keep this sheet.`,
    choice: 'Your choice',
    options: {
      'lifestyle-only': 'No medicine. You keep your bones strong by moving, eating well and preventing falls.',
      'weekly-tablet': 'A tablet, once a week.',
      'yearly-infusion': 'A drip in hospital, once a year.',
      'injection-6-months': 'An injection under the skin, once every six months.',
      'daily-injection': 'An injection you give yourself every day. This medicine builds bone.',
    } satisfies Record<DecisionOption, string>,
    drug: (name: string) => `The medicine is called ${name}.`,
    matters: 'What matters to you',
    agreementsHead: 'What we agreed',
    topics: { medication: 'Medicine', exercise: 'Exercise', nutrition: 'Food and drink', followUp: 'Check-ups', sideEffects: 'If the medicine bothers you' } satisfies Record<AgreementTopic, string>,
    none: 'Nothing separate was agreed on this.',
    questions: (phone: string) => `Any questions, or is something not going well? Call us: ${phone}.`,
    by: (name: string) => `Agreed with: ${name}`,
    footer: (name: string, born: string) => `${name}, born ${born}`,
    page: (n: number, of: number) => `Page ${String(n)} of ${String(of)}`,
    printed: (date: string) => `Made on ${date}`,
  },
} as const;

const TOPICS: readonly AgreementTopic[] = ['medication', 'exercise', 'nutrition', 'followUp', 'sideEffects'];

/** The words the letter says, kept with the letter row so it can be printed again as it was. */
export function agreementsLetterText(l: AgreementsLetter): { title: string; blocks: { head: string; text: string }[] } {
  const w = WORDS[l.lang];
  const drugName = l.drug ? (l.lang === 'nl' ? CATALOGUE[l.drug].nameNl : CATALOGUE[l.drug].nameEn) : null;
  return {
    title: w.title,
    blocks: [
      { head: '', text: w.intro(letterDate(l.decidedOn, w.locale)) },
      { head: w.choice, text: [w.options[l.option], drugName ? w.drug(drugName) : ''].filter((x) => x !== '').join(' ') },
      ...(l.whatMatters ? [{ head: w.matters, text: l.whatMatters }] : []),
      ...TOPICS.map((t) => ({ head: `${w.agreementsHead}: ${w.topics[t]}`, text: l.agreements[t] ?? w.none })),
      { head: '', text: w.questions(l.phone) },
      { head: '', text: w.by(l.madeBy) },
    ],
  };
}

/** The sheet as a PDF; `kept`: the words of an earlier print, so a reprint says what that one said. */
export async function agreementsLetterPdf(l: AgreementsLetter, kept?: ReturnType<typeof agreementsLetterText>): Promise<Buffer> {
  const w = WORDS[l.lang];
  const born = letterDate(l.birthDate, w.locale);
  const t = kept ?? agreementsLetterText(l);
  return patientLetterPdf({ title: t.title, author: l.organisationName, footer: w.footer(l.patientName, born), page: w.page, h2Top: 12 }, [
    { text: l.organisationName, style: 'org' },
    { text: w.printed(letterDate(l.printedOn, w.locale)), margin: [0, 0, 0, 14] },
    { text: t.title, style: 'h1' },
    ...t.blocks.flatMap((b) => [...(b.head !== '' ? [{ text: b.head, style: 'h2' }] : []), { text: b.text, margin: [0, 0, 0, 6] }]),
    ]);
}
