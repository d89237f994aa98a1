// The letters Botpad prints, as A4 PDFs (pdfmake, embedded Roboto). pdfmake is told never to fetch
// URLs and to read only its own font files (CVE-2026-26801). The activation letter carries the code
// and the steps, no health data; the invitation for the diagnostic day carries what the patient
// needs to know to come (the date, times and places, what to bring, the 24-hour urine).
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (p: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

let pdfmake: PdfMake | undefined;

function engine(): PdfMake {
  if (pdfmake) return pdfmake;
  const pm = require('pdfmake') as PdfMake;
  const fonts = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };
  const fontDir = path.dirname(fonts.Roboto.normal ?? '');
  pm.setFonts(fonts);
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir + path.sep));
  pdfmake = pm;
  return pm;
}

export interface ActivationLetter {
  recipientName: string;
  patientName: string;
  kind: 'patient' | 'caregiver';
  code: string;
  expiresAt: string;
  siteUrl: string;
  organisationName: string | null;
  helpPhone: string;
}

function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}

export async function activationLetterPdf(l: ActivationLetter): Promise<Buffer> {
  const activate = new URL('/activate', l.siteUrl).toString();
  const forWhom =
    l.kind === 'patient'
      ? { nl: 'Met deze brief maakt u uw eigen account aan.', en: 'With this letter you set up your own account.' }
      : { nl: `Met deze brief maakt u een account aan om mee te kijken in het dossier van ${l.patientName}.`, en: `With this letter you set up an account to follow the record of ${l.patientName}.` };
  const doc = {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    info: { title: 'Botpad – activatiecode / activation code', author: l.organisationName ?? 'Botpad' },
    defaultStyle: { font: 'Roboto', fontSize: 12, lineHeight: 1.3 },
    content: [
      { text: l.organisationName ?? 'Botpad', style: 'org' },
      { text: `Aan: ${l.recipientName}`, margin: [0, 16, 0, 16] },
      { text: 'Uw account voor Botpad', style: 'h1' },
      { text: forWhom.nl },
      { text: 'Zo doet u het:', bold: true, margin: [0, 10, 0, 4] },
      {
        ol: [
          `Ga naar ${activate}`,
          'Typ de code hieronder over. Hoofdletters of kleine letters maakt niet uit.',
          'Kies een wachtwoord van minstens 10 tekens.',
        ],
      },
      { text: 'Uw code', bold: true, margin: [0, 14, 0, 4] },
      { text: l.code, style: 'code' },
      { text: `De code werkt één keer, tot ${formatDate(l.expiresAt, 'nl-NL')}.`, margin: [0, 4, 0, 0] },
      { text: `Lukt het niet? Bel ons: ${l.helpPhone}.`, margin: [0, 8, 0, 0] },
      { text: 'Your Botpad account', style: 'h1', margin: [0, 28, 0, 8] },
      { text: forWhom.en },
      {
        ol: [`Go to ${activate}`, 'Type in the code above. Capitals or small letters: both work.', 'Choose a password of at least 10 characters.'],
        margin: [0, 6, 0, 0],
      },
      { text: `The code works once, until ${formatDate(l.expiresAt, 'en-GB')}. Need help? Call ${l.helpPhone}.`, margin: [0, 6, 0, 0] },
      { text: 'Bewaar deze brief niet bij uw wachtwoord. / Do not keep this letter with your password.', style: 'small', margin: [0, 24, 0, 0] },
    ],
    styles: {
      org: { fontSize: 11, color: '#444444' },
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 8] },
      code: { fontSize: 26, bold: true, characterSpacing: 2 },
      small: { fontSize: 10, color: '#444444' },
    },
  };
  return engine().createPdf(doc).getBuffer();
}

// ---------------------------------------------------------------------------------------------
// The invitation for the diagnostic day: a patient document, so 14 pt and up, in the patient's
// language on record (Dutch at B1, or English). Each page names the patient and the birth date,
// so a page that comes loose still belongs to someone.

export type LetterLang = 'nl' | 'en';

/** Who a sheet for the patient is from and for: every page names the patient, every sheet whom to call. */
export interface PatientSheet {
  lang: LetterLang;
  organisationName: string;
  phone: string;
  patientName: string;
  birthDate: string;
  printedOn: string;
}
type PartCode = 'dxa' | 'vfa' | 'labs' | 'consultation';

/**
 * The frame of a letter the patient reads: A4, large print (14 pt) and a footer with whose letter it
 * is and the page, so a loose page still says whose it is. The invitation and the printed
 * agreements share it; the progress report for the referrer and the GP (progress-report.ts) uses
 * it in a clinician's size (`fontSize`).
 */
export async function patientLetterPdf(
  f: { title: string; author: string; footer: string; page: (n: number, of: number) => string; h2Top: number; fontSize?: number },
  content: readonly unknown[],
): Promise<Buffer> {
  const size = f.fontSize ?? 14;
  const doc = {
    pageSize: 'A4',
    pageMargins: [60, 56, 60, 70],
    info: { title: f.title, author: f.author },
    defaultStyle: { font: 'Roboto', fontSize: size, lineHeight: 1.3 },
    footer: (page: number, pages: number) => ({
      columns: [{ text: f.footer, width: '*' }, { text: f.page(page, pages), alignment: 'right', width: 'auto' }],
      margin: [60, 20, 60, 0],
      fontSize: size,
    }),
    content,
    styles: {
      org: { fontSize: size + 2, bold: true },
      h1: { fontSize: size + 6, bold: true, margin: [0, 0, 0, 10] },
      h2: { fontSize: size + 2, bold: true, margin: [0, f.h2Top, 0, 4] },
    },
  };
  return engine().createPdf(doc).getBuffer();
}

export interface InvitationLetter {
  lang: LetterLang;
  organisationName: string;
  /** The number the patient calls; the organisation's own, else the service's help line. */
  phone: string;
  patientName: string;
  birthDate: string;
  letterDate: string;
  writtenBy: string;
  visit: {
    kind: 'diagnostic-day' | 'evening-clinic';
    date: string;
    parts: readonly { part: PartCode; time: string; place: string }[];
    reportTo: string | null;
  } | null;
}

const LETTER_WORDS = {
  nl: {
    locale: 'nl-NL',
    title: 'Uitnodiging voor de onderzoeksdag botontkalking',
    dear: (name: string) => `Beste ${name},`,
    intro: 'U heeft een bot gebroken. Wij willen weten of uw botten sterk genoeg zijn. Daarom nodigen wij u uit voor een onderzoeksdag. U doet dan alle onderzoeken op één dag. Dezelfde dag bespreekt u de uitslag met de arts of verpleegkundige.',
    eveningIntro: 'U komt naar het avondspreekuur. Een botscan kan alleen overdag. Die is daarom op dezelfde dag, vóór 17.00 uur.',
    when: 'Wanneer en waar',
    noDate: 'Wij hebben nog geen datum met u afgesproken. Wij bellen u binnenkort om samen een dag te kiezen.',
    dateLine: (date: string) => `Datum: ${date}`,
    parts: { dxa: 'Botdichtheidsmeting (DXA-scan)', vfa: 'Foto van de wervels (VFA)', labs: 'Bloed en urine inleveren', consultation: 'Gesprek met de arts of verpleegkundige' } satisfies Record<PartCode, string>,
    partLine: (what: string, time: string, place: string) => `${time} uur: ${what}, ${place}`,
    report: (where: string) => `Meld u bij aankomst bij: ${where}.`,
    reportDefault: 'Meld u bij aankomst bij de balie van de polikliniek.',
    before: 'Vóór de onderzoeksdag: de vragenlijsten',
    questionnaires: 'U krijgt een paar vragenlijsten van ons. Vul ze thuis in en neem ze mee. De vragen gaan over:',
    questions: ['botbreuken en botontkalking in uw familie, en ziektes die u had of heeft', 'hoeveel kalk (calcium) u eet en drinkt', 'hoe het met u gaat in het dagelijks leven'],
    urine: 'Urine verzamelen (24 uur)',
    container: 'U verzamelt thuis 24 uur lang uw urine in een speciale pot. De pot krijgt u gratis bij de bloedafname van het ziekenhuis. Haal hem een paar dagen vóór de onderzoeksdag op.',
    urineSteps: [
      'Begin op de ochtend vóór de onderzoeksdag.',
      'De eerste keer plassen die ochtend gaat nog in de wc.',
      'Daarna vangt u alle urine op in de pot, 24 uur lang, ook \'s nachts.',
      'De eerste keer plassen op de ochtend van de onderzoeksdag gaat ook in de pot. Dan bent u klaar.',
      'Zet de pot steeds op een koele plek, bijvoorbeeld in de koelkast.',
      'Neem de pot mee naar het ziekenhuis.',
    ],
    bring: 'Neem mee',
    bringList: [
      'een lijst van alle medicijnen die u gebruikt (de apotheek kan hem voor u printen)',
      'uw bril en uw gehoorapparaat, als u die heeft',
      'een identiteitsbewijs (paspoort, identiteitskaart of rijbewijs)',
      'de ingevulde vragenlijsten',
      'de pot met urine',
    ],
    questionsHead: 'Vragen, of past de dag niet?',
    call: (phone: string) => `Bel ons: ${phone}. Kunt u niet komen? Bel dan zo snel mogelijk, dan maken wij een nieuwe afspraak.`,
    regards: 'Met vriendelijke groet,',
    footer: (name: string, born: string) => `${name}, geboren ${born}`,
    page: (n: number, of: number) => `Blad ${String(n)} van ${String(of)}`,
    dated: (date: string) => `Datum van deze brief: ${date}`,
  },
  en: {
    locale: 'en-GB',
    title: 'Your invitation to the bone health assessment day',
    dear: (name: string) => `Dear ${name},`,
    intro: 'You have broken a bone, and we would like to find out whether your bones are strong enough. We therefore invite you to an assessment day. All tests take place on one day, and on that same day you talk the results through with the doctor or nurse.',
    eveningIntro: 'You will come to the evening clinic. A bone scan can only be done in the daytime, so it is booked on the same day, before 17:00.',
    when: 'When and where',
    noDate: 'We have not agreed on a date with you yet. We will phone you soon to choose a day together.',
    dateLine: (date: string) => `Date: ${date}`,
    parts: { dxa: 'Bone density scan (DXA)', vfa: 'Spine image (VFA)', labs: 'Blood test and urine hand-in', consultation: 'Talk with the doctor or nurse' } satisfies Record<PartCode, string>,
    partLine: (what: string, time: string, place: string) => `${time}: ${what}, ${place}`,
    report: (where: string) => `When you arrive, report to: ${where}.`,
    reportDefault: 'When you arrive, report to the outpatient clinic desk.',
    before: 'Before the day: the questionnaires',
    questionnaires: 'We will send you a few questionnaires. Please fill them in at home and bring them along. They ask about:',
    questions: ['broken bones and bone loss in your family, and illnesses you have or had', 'how much calcium you take in with food and drink', 'how you are getting on in daily life'],
    urine: 'Collecting urine for 24 hours',
    container: 'At home you collect all your urine for 24 hours in a special container. You can pick it up free of charge at the hospital\'s blood test desk; please do so a few days before the day.',
    urineSteps: [
      'Start on the morning before the assessment day.',
      'The first time you pass urine that morning, use the toilet as usual.',
      'From then on, collect all your urine in the container for 24 hours, at night too.',
      'The first urine on the morning of the assessment day goes into the container as well. Then you are done.',
      'Keep the container somewhere cool the whole time, such as the fridge.',
      'Bring the container with you to the hospital.',
    ],
    bring: 'Please bring',
    bringList: [
      'a list of all the medicines you take (your pharmacy can print one)',
      'your glasses and hearing aid, if you use them',
      'proof of identity (passport, identity card or driving licence)',
      'the completed questionnaires',
      'the urine container',
    ],
    questionsHead: 'Questions, or does the day not suit you?',
    call: (phone: string) => `Call us on ${phone}. If you cannot come, please call as soon as you can and we will make a new appointment.`,
    regards: 'Kind regards,',
    footer: (name: string, born: string) => `${name}, born ${born}`,
    page: (n: number, of: number) => `Page ${String(n)} of ${String(of)}`,
    dated: (date: string) => `Date of this letter: ${date}`,
  },
} as const;

export function letterDate(iso: string, locale: string, weekday = false): string {
  // A calendar date, not a moment: read at noon UTC it is the same day in Amsterdam.
  return new Intl.DateTimeFormat(locale, { dateStyle: weekday ? 'full' : 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(`${iso}T12:00:00Z`));
}

export async function invitationLetterPdf(l: InvitationLetter): Promise<Buffer> {
  const w = LETTER_WORDS[l.lang];
  const born = letterDate(l.birthDate, w.locale);
  const v = l.visit;
  const when: unknown[] = v
    ? [
        ...(v.kind === 'evening-clinic' ? [{ text: w.eveningIntro, margin: [0, 0, 0, 6] }] : []),
        { text: w.dateLine(letterDate(v.date, w.locale, true)), bold: true },
        { ul: [...v.parts].sort((a, b) => a.time.localeCompare(b.time)).map((p) => w.partLine(w.parts[p.part], p.time, p.place)), margin: [0, 4, 0, 4] },
        { text: v.reportTo ? w.report(v.reportTo) : w.reportDefault },
      ]
    : [{ text: w.noDate }];
  return patientLetterPdf({ title: w.title, author: l.organisationName, footer: w.footer(l.patientName, born), page: w.page, h2Top: 14 }, [
    { text: l.organisationName, style: 'org' },
    { text: l.phone, margin: [0, 0, 0, 14] },
    { text: w.dated(letterDate(l.letterDate, w.locale)), margin: [0, 0, 0, 14] },
    { text: w.title, style: 'h1' },
    { text: w.dear(l.patientName), margin: [0, 0, 0, 6] },
    { text: w.intro },
    { text: w.when, style: 'h2' },
    ...when,
    { text: w.before, style: 'h2' },
    { text: w.questionnaires },
    { ul: [...w.questions], margin: [0, 4, 0, 0] },
    { text: w.urine, style: 'h2' },
    { text: w.container, margin: [0, 0, 0, 4] },
    { ol: [...w.urineSteps] },
    { text: w.bring, style: 'h2' },
    { ul: [...w.bringList] },
    { text: w.questionsHead, style: 'h2' },
    { text: w.call(l.phone) },
    { text: w.regards, margin: [0, 18, 0, 0] },
    { text: l.writtenBy },
    { text: l.organisationName },
    ]);
}

/** What to prepare for the diagnostic day, in the invitation letter's own words: the reminder on the patient's home page says the same. */
export function visitPreparation(lang: LetterLang): { urine: string; container: string; urineSteps: readonly string[]; bring: string; bringList: readonly string[] } {
  const w = LETTER_WORDS[lang];
  return { urine: w.urine, container: w.container, urineSteps: w.urineSteps, bring: w.bring, bringList: w.bringList };
}

// ---------------------------------------------------------------------------------------------
// Letters kept in the record (the GP hand-over, the dentist's card): written once as text blocks,
// kept as they are (letter.content), and printed from what was kept, so a letter printed again
// says what it said when it was written, even after the record or the rules changed.

export const KeptLetterContent = z
  .object({
    format: z.enum(['A4', 'A6']),
    title: z.string(),
    from: z.array(z.string()),
    to: z.array(z.string()),
    dated: z.string(),
    about: z.string(),
    blocks: z.array(z.object({ heading: z.string().optional(), lines: z.array(z.string()), list: z.boolean().optional() }).strict()),
    closing: z.array(z.string()),
    footer: z.string(),
  })
  .strict();
export type KeptLetterContent = z.infer<typeof KeptLetterContent>;

export async function keptLetterPdf(l: KeptLetterContent): Promise<Buffer> {
  const small = l.format === 'A6';
  const body = l.blocks.flatMap((b) => [
    ...(b.heading !== undefined ? [{ text: b.heading, style: 'h2' }] : []),
    ...(b.list === true ? [{ ul: [...b.lines] }] : b.lines.map((line) => ({ text: line, margin: [0, 0, 0, 3] }))),
  ]);
  const doc = {
    pageSize: l.format,
    pageMargins: small ? [22, 22, 22, 30] : [60, 56, 60, 70],
    info: { title: l.title, author: l.from[0] ?? 'Botpad' },
    defaultStyle: { font: 'Roboto', fontSize: small ? 8.5 : 11, lineHeight: 1.25 },
    footer: (page: number, pages: number) => ({
      columns: [{ text: l.footer, width: '*' }, { text: `${String(page)} / ${String(pages)}`, alignment: 'right', width: 'auto' }],
      margin: small ? [22, 8, 22, 0] : [60, 20, 60, 0],
      fontSize: small ? 7 : 9,
    }),
    content: [
      ...l.from.map((x, i) => ({ text: x, bold: i === 0 })),
      ...(l.to.length > 0 ? [{ text: l.to.join('\n'), margin: [0, small ? 4 : 14, 0, 0] }] : []),
      { text: l.dated, margin: [0, small ? 4 : 12, 0, small ? 4 : 12] },
      { text: l.title, style: 'h1' },
      { text: l.about, bold: true, margin: [0, 0, 0, 4] },
      ...body,
      ...(l.closing.length > 0 ? [{ text: l.closing.join('\n'), margin: [0, small ? 6 : 16, 0, 0] }] : []),
    ],
    styles: {
      h1: { fontSize: small ? 11 : 16, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: small ? 9 : 12.5, bold: true, margin: [0, small ? 5 : 10, 0, 3] },
    },
  };
  return engine().createPdf(doc).getBuffer();
}
