// The words of the calendar's events, in plain Dutch (B1) and English. Titles name no medicine and
// no illness unless the patient chose so: a calendar is often shared with a partner, synced to a
// phone maker's servers and shown on a lock screen. Descriptions say what to do.
import type { Lang } from '../rule.js';
import type { Regimen } from '../medication/catalogue.js';
import type { IsoDate } from '../time/date.js';
import { day } from '../text.js';

export interface CalendarWords {
  doseTitle(reg: Regimen, drug: string | null): string;
  doseHow(reg: Regimen, drug: string | null): string;
  lateTitle(reg: Regimen, drug: string | null): string;
  lateHow(reg: Regimen, drug: string | null, due: IsoDate, neverSkip: boolean): string;
  lastTitle(drug: string | null): string;
  lastHow(drug: string | null): string;
  readonly bloodTitle: string;
  bloodHow(before: IsoDate, drug: string | null, kidneys: boolean): string;
  readonly checkUpTitle: string;
  checkUpHow(around: IsoDate): string;
  readonly measureTitle: string;
  /** `late`: the date has come or passed and no measurement was recorded since. */
  measureHow(around: IsoDate, late: boolean): string;
  readonly visitTitle: string;
  visitHow(reportTo: string | null, evening: boolean): string;
  /** The calendar's own name, as the calendar app lists it. */
  readonly calendarName: string;
}

type Form = 'tablet' | 'drip' | 'injection';
const formOf = (reg: Regimen): Form => (reg.route === 'oral' ? 'tablet' : reg.route === 'iv' ? 'drip' : 'injection');

const NL_FORM: Record<Form, string> = { tablet: 'tablet', drip: 'infuus', injection: 'prik' };
const EN_FORM: Record<Form, string> = { tablet: 'tablet', drip: 'drip', injection: 'injection' };

function nlHow(reg: Regimen): string {
  const out: string[] = [];
  if (reg.instructions.includes('fasting')) {
    const min = reg.instructions.includes('upright-60-minutes') ? 60 : 30;
    out.push(`Neem de tablet meteen na het opstaan, voor u iets eet. Slik hem door met een vol glas gewoon water. Blijf daarna ${String(min)} minuten zitten of staan. Eet en drink in die tijd niets anders.`);
  }
  if (reg.instructions.includes('self-injection')) out.push('Zet de prik zelf, elke dag rond dezelfde tijd.');
  if (reg.instructions.includes('day-admission')) out.push('U krijgt het infuus in het ziekenhuis. Drink die dag goed. U kunt zich een paar dagen wat grieperig voelen.');
  if (reg.instructions.includes('do-not-stop-without-follow-on')) out.push('Laat deze prik niet later zetten dan gepland. Stop er nooit zelf mee: uw botten kunnen dan snel zwakker worden.');
  if (reg.instructions.includes('12-doses')) out.push('U krijgt deze prik een keer per maand, 12 keer in totaal.');
  if (reg.instructions.includes('any-time-of-day')) out.push('Neem de tablet elke dag. Het tijdstip maakt niet uit.');
  if (out.length === 0) out.push('Neem uw medicijn zoals afgesproken met uw arts.');
  return out.join(' ');
}

function enHow(reg: Regimen): string {
  const out: string[] = [];
  if (reg.instructions.includes('fasting')) {
    const min = reg.instructions.includes('upright-60-minutes') ? 60 : 30;
    out.push(`Take the tablet as soon as you get up, before you eat. Swallow it with a full glass of plain water. Then sit or stand for ${String(min)} minutes. Do not eat or drink anything else in that time.`);
  }
  if (reg.instructions.includes('self-injection')) out.push('Give yourself the injection every day at about the same time.');
  if (reg.instructions.includes('day-admission')) out.push('You get the drip in hospital. Drink plenty that day. You may feel a little flu-like for a few days.');
  if (reg.instructions.includes('do-not-stop-without-follow-on')) out.push('Do not let this injection slip past its date. Never stop it yourself: your bones can then weaken quickly.');
  if (reg.instructions.includes('12-doses')) out.push('You get this injection once a month, 12 times in all.');
  if (reg.instructions.includes('any-time-of-day')) out.push('Take the tablet every day. The time of day does not matter.');
  if (out.length === 0) out.push('Take your medicine as agreed with your doctor.');
  return out.join(' ');
}

const NL: CalendarWords = {
  doseTitle: (reg, drug) => (drug ? `${capital(drug)} (${NL_FORM[formOf(reg)]})` : ({ tablet: 'Tablet innemen', drip: 'Infuus in het ziekenhuis', injection: 'Prik voor uw medicijn' } as const)[formOf(reg)]),
  doseHow: (reg, drug) => (drug ? `Dit is uw ${drug}. ` : '') + nlHow(reg),
  lateTitle: (reg) => `Uw ${NL_FORM[formOf(reg)]} is te laat`,
  lateHow: (reg, drug, due, neverSkip) => `Uw ${drug ?? 'medicijn'} had op ${day(due, 'nl')} gemoeten. Bel vandaag de polikliniek of uw huisarts om het te regelen.`
    + (neverSkip ? ' Wacht hier niet mee: uw botten kunnen snel zwakker worden als de prik te laat is.' : '')
    + (formOf(reg) === 'tablet' ? ' Neem geen twee tabletten tegelijk.' : ''),
  lastTitle: (drug) => (drug ? `Laatste dag ${drug}` : 'Laatste dag van uw prikken'),
  lastHow: (drug) => `Vandaag is de laatste dag van ${drug ?? 'deze prikken'}. Daarna krijgt u een ander medicijn dat uw botten beschermt. Weet u nog niet welk? Bel dan de polikliniek.`,
  bloodTitle: 'Bloedtest laten doen',
  bloodHow: (before, drug, kidneys) => `Laat uw bloed testen voor ${day(before, 'nl')}. ${kidneys ? 'De test kijkt hoe goed uw nieren werken.' : 'De test kijkt naar het calcium in uw bloed.'} `
    + `Pas daarna krijgt u ${drug ? `uw ${drug}` : 'uw volgende medicijn'}. Weet u niet waar u heen moet? Bel de polikliniek.`,
  checkUpTitle: 'Controle bij de polikliniek',
  checkUpHow: (around) => `Rond ${day(around, 'nl')} is uw controle. Heeft u nog geen afspraak? Bel dan de polikliniek om er een te maken.`,
  measureTitle: 'Meting bij de fysiotherapeut',
  measureHow: (around, late) => (late ? `Uw meting bij de fysiotherapeut was rond ${day(around, 'nl')}. Bel uw fysiotherapeut om een afspraak te maken.` : `Rond ${day(around, 'nl')} meet uw fysiotherapeut weer hoe het met u gaat. Heeft u nog geen afspraak? Bel dan uw fysiotherapeut.`)
    + ' Dit gebeurt elke 3 maanden, ook als de oefentherapie klaar is.',
  visitTitle: 'Afspraak bij de polikliniek',
  visitHow: (reportTo, evening) => (reportTo ? `Meld u bij: ${reportTo}. ` : '') + (evening ? 'Dit is een avondspreekuur. ' : '') + 'Neem uw medicijnen of uw medicijnlijst mee.',
  calendarName: 'Mijn herinneringen',
};

const EN: CalendarWords = {
  doseTitle: (reg, drug) => (drug ? `${capital(drug)} (${EN_FORM[formOf(reg)]})` : ({ tablet: 'Take your tablet', drip: 'Drip in hospital', injection: 'Injection for your medicine' } as const)[formOf(reg)]),
  doseHow: (reg, drug) => (drug ? `This is your ${drug}. ` : '') + enHow(reg),
  lateTitle: (reg) => `Your ${EN_FORM[formOf(reg)]} is late`,
  lateHow: (reg, drug, due, neverSkip) => `Your ${drug ?? 'medicine'} was due on ${day(due, 'en')}. Call the clinic or your GP today to arrange it.`
    + (neverSkip ? ' Do not wait: your bones can weaken quickly when this injection is late.' : '')
    + (formOf(reg) === 'tablet' ? ' Do not take two tablets at once.' : ''),
  lastTitle: (drug) => (drug ? `Last day of ${drug}` : 'Last day of your injections'),
  lastHow: (drug) => `Today is the last day of ${drug ?? 'these injections'}. After this you get another medicine that protects your bones. Not sure which one yet? Call the clinic.`,
  bloodTitle: 'Have a blood test',
  bloodHow: (before, drug, kidneys) => `Have your blood tested before ${day(before, 'en')}. ${kidneys ? 'The test shows how well your kidneys work.' : 'The test looks at the calcium in your blood.'} `
    + `Only then do you get ${drug ? `your ${drug}` : 'your next medicine'}. Not sure where to go? Call the clinic.`,
  checkUpTitle: 'Check-up at the clinic',
  checkUpHow: (around) => `Your check-up is around ${day(around, 'en')}. No appointment yet? Call the clinic to make one.`,
  measureTitle: 'Measurement at the physiotherapist',
  measureHow: (around, late) => (late ? `Your measurement with the physiotherapist was around ${day(around, 'en')}. Call your physiotherapist to make an appointment.` : `Around ${day(around, 'en')} your physiotherapist measures again how you are doing. No appointment yet? Call your physiotherapist.`)
    + ' This happens every 3 months, also once the exercise therapy is over.',
  visitTitle: 'Appointment at the clinic',
  visitHow: (reportTo, evening) => (reportTo ? `Report to: ${reportTo}. ` : '') + (evening ? 'This is an evening clinic. ' : '') + 'Bring your medicines or your list of medicines.',
  calendarName: 'My reminders',
};

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function calendarWords(lang: Lang): CalendarWords {
  return lang === 'nl' ? NL : EN;
}
