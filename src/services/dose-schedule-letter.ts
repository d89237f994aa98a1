// The fridge-door schedule: the coming doses and the blood test before each dose that needs one,
// one line per date, in Dutch at B1 or in English. A patient document, so large type (14 pt body,
// 20 pt dates); every page names the patient and the birth date, so a page that comes loose still
// belongs to someone. The dates come from the core (`doseSchedule`); only the words are here.
import type { Drug } from '../core/case.schema.js';
import { CATALOGUE, type Route } from '../core/medication/catalogue.js';
import type { ScheduleItem } from '../core/medication/patient-guide.js';
import { letterDate, patientLetterPdf, type PatientSheet } from './letters.js';

export interface DoseScheduleLetter extends PatientSheet {
  until: string;
  items: readonly ScheduleItem[];
}

const WORDS = {
  nl: {
    locale: 'nl-NL',
    title: 'Mijn medicijnen: wanneer en wat',
    intro: (until: string) => `Op dit blad staat wanneer u uw medicijn krijgt of inneemt, tot ${until}. Hang het op een plek waar u het elke dag ziet, bijvoorbeeld op de koelkast.`,
    none: 'Er staat in deze tijd geen dosis en geen bloedtest voor u gepland.',
    name: (d: Drug) => CATALOGUE[d].nameNl,
    dose: (route: Route, name: string) =>
      route === 'oral' ? `Neem uw tablet ${name}. Doe dit 's morgens, met een glas gewoon water.`
        : route === 'iv' ? `U krijgt ${name} via een infuus in het ziekenhuis.`
          : `U krijgt een prik met ${name}.`,
    late: 'Deze dosis is te laat. Bel ons vandaag.',
    daily: (name: string, until: string) => `Elke dag ${name}, tot en met ${until}.`,
    blood: (name: string, by: string) => `Laat uw bloed testen voor ${name}. Doe dit vóór ${by}.`,
    tick: 'Gedaan: [   ]',
    questions: (phone: string) => `Vragen, of gaat iets niet goed? Bel ons: ${phone}. Bij spoed: bel de huisarts of 112.`,
    footer: (name: string, born: string) => `${name}, geboren ${born}`,
    page: (n: number, of: number) => `Blad ${String(n)} van ${String(of)}`,
    printed: (date: string) => `Gemaakt op ${date}`,
  },
  en: {
    locale: 'en-GB',
    title: 'My medicines: when and what',
    intro: (until: string) => `This sheet shows when you take or get your medicine, up to ${until}. Put it where you see it every day, for example on the fridge.`,
    none: 'No dose and no blood test is planned for you in this time.',
    name: (d: Drug) => CATALOGUE[d].nameEn,
    dose: (route: Route, name: string) =>
      route === 'oral' ? `Take your ${name} tablet. Do this in the morning, with a glass of plain water.`
        : route === 'iv' ? `You get ${name} through a drip in hospital.`
          : `You get an injection of ${name}.`,
    late: 'This dose is late. Please call us today.',
    daily: (name: string, until: string) => `${name} every day, up to and including ${until}.`,
    blood: (name: string, by: string) => `Have your blood tested for ${name}. Do this before ${by}.`,
    tick: 'Done: [   ]',
    questions: (phone: string) => `Questions, or is something not going well? Call us: ${phone}. If it is urgent: call your GP or 112.`,
    footer: (name: string, born: string) => `${name}, born ${born}`,
    page: (n: number, of: number) => `Page ${String(n)} of ${String(of)}`,
    printed: (date: string) => `Made on ${date}`,
  },
} as const;

/** The schedule's lines as text, one per item, for the PDF and for what a test reads back. */
export function doseScheduleLines(l: Pick<DoseScheduleLetter, 'lang' | 'items'>): { date: string; text: string }[] {
  const w = WORDS[l.lang];
  const day = (iso: string) => letterDate(iso, w.locale, true);
  return l.items.map((x) => {
    const name = w.name(x.drug);
    switch (x.kind) {
      case 'dose': return { date: day(x.date), text: x.late ? `${w.dose(x.route, name)} ${w.late}` : w.dose(x.route, name) };
      case 'daily': return { date: day(x.date), text: w.daily(name, day(x.until)) };
      case 'blood-test': return { date: day(x.date), text: w.blood(name, day(x.by)) };
    }
  });
}

export async function doseSchedulePdf(l: DoseScheduleLetter): Promise<Buffer> {
  const w = WORDS[l.lang];
  const lines = doseScheduleLines(l);
  return patientLetterPdf({ title: w.title, author: l.organisationName, footer: w.footer(l.patientName, letterDate(l.birthDate, w.locale)), page: w.page, h2Top: 14 }, [
    { text: l.organisationName, style: 'org' },
    { text: w.printed(letterDate(l.printedOn, w.locale)), margin: [0, 0, 0, 14] },
    { text: w.title, style: 'h1' },
    { text: w.intro(letterDate(l.until, w.locale)), margin: [0, 0, 0, 10] },
    // A date stays on one page with what to do on it.
    ...(lines.length === 0 ? [{ text: w.none }] : lines.map((x) => ({
      unbreakable: true,
      stack: [{ text: x.date, style: 'h2', fontSize: 20 }, { text: x.text }, { text: w.tick, margin: [0, 2, 0, 4] }],
    }))),
    { text: w.questions(l.phone), margin: [0, 18, 0, 0], bold: true },
  ]);
}
