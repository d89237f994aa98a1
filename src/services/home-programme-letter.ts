// The home programme: the exercises of a plan version as the patient does them at home, in Dutch at
// B1 or in English, in large type (16 pt and up). Each page names the patient and the birth date,
// so a page that comes loose still belongs to someone. The steps come from the catalogue
// (core/exercise); how much and how it builds up are as the therapist wrote them.
import { exerciseOf } from '../core/exercise/index.js';
import type { ExerciseIntensity, ExercisePlace } from '../core/exercise/index.js';
import type { PlannedExercise } from '../schema/exercise-plan.schema.js';
import { letterDate, patientLetterPdf, type LetterLang, type PatientSheet } from './letters.js';

export interface HomeProgramme extends PatientSheet {
  version: number;
  writtenOn: string;
  places: readonly ExercisePlace[];
  exercises: readonly PlannedExercise[];
  note: string | null;
}

const WORDS = {
  nl: {
    locale: 'nl-NL',
    title: 'Mijn oefeningen voor thuis',
    intro: (date: string) => `Deze oefeningen heeft uw fysiotherapeut op ${date} met u gekozen. Ze maken uw spieren en botten sterker en helpen u om niet te vallen.`,
    places: { supervised: 'bij de fysiotherapeut', home: 'thuis', 'sports-club': 'bij een sportclub' } satisfies Record<ExercisePlace, string>,
    where: (p: string) => `Waar u oefent: ${p}.`,
    how: (sets: number, reps: number, days: number) => `${String(sets)} ${sets === 1 ? 'ronde' : 'rondes'} van ${String(reps)} keer. ${String(days)} ${days === 1 ? 'dag' : 'dagen'} per week.`,
    intensity: { light: 'Het mag licht voelen.', moderate: 'Het mag een beetje zwaar voelen.', hard: 'Het mag zwaar voelen, maar u kunt nog praten.' } satisfies Record<ExerciseIntensity, string>,
    build: 'Zo bouwt u op',
    note: 'Let ook op',
    safe: 'Stop met een oefening als u pijn krijgt die niet weggaat, of als u duizelig wordt.',
    questions: (phone: string) => `Vragen? Bel ons: ${phone}.`,
    footer: (name: string, born: string) => `${name}, geboren ${born}`,
    page: (n: number, of: number) => `Blad ${String(n)} van ${String(of)}`,
    printed: (date: string, v: number) => `Gemaakt op ${date} · versie ${String(v)}`,
  },
  en: {
    locale: 'en-GB',
    title: 'My exercises at home',
    intro: (date: string) => `Your physiotherapist chose these exercises with you on ${date}. They make your muscles and bones stronger and help you not to fall.`,
    places: { supervised: 'with the physiotherapist', home: 'at home', 'sports-club': 'at a sports club' } satisfies Record<ExercisePlace, string>,
    where: (p: string) => `Where you exercise: ${p}.`,
    how: (sets: number, reps: number, days: number) => `${String(sets)} ${sets === 1 ? 'round' : 'rounds'} of ${String(reps)} times. ${String(days)} ${days === 1 ? 'day' : 'days'} a week.`,
    intensity: { light: 'It may feel light.', moderate: 'It may feel a little hard.', hard: 'It may feel hard, but you can still talk.' } satisfies Record<ExerciseIntensity, string>,
    build: 'How to build up',
    note: 'Also keep in mind',
    safe: 'Stop an exercise if you get pain that does not go away, or if you feel dizzy.',
    questions: (phone: string) => `Questions? Call us: ${phone}.`,
    footer: (name: string, born: string) => `${name}, born ${born}`,
    page: (n: number, of: number) => `Page ${String(n)} of ${String(of)}`,
    printed: (date: string, v: number) => `Made on ${date} · version ${String(v)}`,
  },
} as const;

/** The programme's blocks in words: what the PDF prints and the patient's page shows. */
export function homeProgrammeText(p: Pick<HomeProgramme, 'lang' | 'places' | 'exercises'>): { name: string; steps: readonly string[]; how: string; intensity: string; build: string }[] {
  const w = WORDS[p.lang];
  return p.exercises.map((e) => {
    const x = exerciseOf(e.code);
    return {
      name: (p.lang === 'nl' ? x?.nameNl : x?.nameEn) ?? e.code,
      steps: (p.lang === 'nl' ? x?.stepsNl : x?.stepsEn) ?? [],
      how: w.how(e.sets, e.repetitions, e.daysPerWeek),
      intensity: w.intensity[e.intensity],
      build: e.progression,
    };
  });
}

/** Where the patient exercises, in words ("Where you exercise: at home."). */
export function placesText(lang: LetterLang, places: readonly ExercisePlace[]): string {
  const w = WORDS[lang];
  return w.where(places.map((x) => w.places[x]).join(', '));
}

const BIG = 16;

export async function homeProgrammePdf(p: HomeProgramme): Promise<Buffer> {
  const w = WORDS[p.lang];
  const born = letterDate(p.birthDate, w.locale);
  return patientLetterPdf({ title: w.title, author: p.organisationName, footer: w.footer(p.patientName, born), page: w.page, h2Top: 16 }, [
    { text: p.organisationName, style: 'org' },
    { text: w.printed(letterDate(p.printedOn, w.locale), p.version), margin: [0, 0, 0, 14] },
    { text: w.title, style: 'h1', fontSize: 24 },
    { text: w.intro(letterDate(p.writtenOn, w.locale)), fontSize: BIG },
    { text: placesText(p.lang, p.places), fontSize: BIG, margin: [0, 6, 0, 0] },
    { text: w.safe, fontSize: BIG, bold: true, margin: [0, 6, 0, 0] },
    ...homeProgrammeText(p).flatMap((b, i) => [
      { text: `${String(i + 1)}. ${b.name}`, style: 'h2', fontSize: 20, unbreakable: true },
      { ol: [...b.steps], fontSize: BIG, margin: [0, 0, 0, 4] },
      { text: `${b.how} ${b.intensity}`, fontSize: BIG, bold: true },
      { text: `${w.build}: ${b.build}`, fontSize: BIG, margin: [0, 2, 0, 0] },
    ]),
    ...(p.note ? [{ text: w.note, style: 'h2', fontSize: 20 }, { text: p.note, fontSize: BIG }] : []),
    { text: w.questions(p.phone), fontSize: BIG, margin: [0, 16, 0, 0] },
  ]);
}
