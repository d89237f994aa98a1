// The demo practice's intake and education session with Anna de Vries (referred to it in the demo
// data): made up, in our own words, so the practice's pages open with something to show. Checked
// against the API's schemas in src/web/therapy-intake/therapy-intake.test.ts.
import { addDays, type IsoDate } from '../core/time/date.js';

export const DEMO_THERAPY_PATIENT = { familyName: 'Vries', givenName: 'Anna' } as const;

/** The intake, a week ago (dates relative to the day the demo is loaded). */
export function demoIntake(today: IsoDate) {
  return {
    date: addDays(today, -7),
    data: {
      history: 'Wervelbreuk bij het optillen van een tas met boodschappen. Fietste voor de breuk elke week naar de markt.',
      pain: { score: 3, where: 'Onderin de rug', when: 'Na een uur staan' },
      falls: { fallsLast12Months: 1, injuredByFall: false, worriedAboutFalling: true, unsteady: false, tugSeconds: 13 },
      fesI: [2, 2, 1, 2, 2, 1, 2],
      posture: { observations: 'Rug iets gebogen bij staan; bukt vanuit de rug.', advice: 'Door de knieën zakken, tas dicht bij het lichaam, niet draaien tijdens tillen.' },
    },
    goals: [
      { what: 'Weer met de fiets naar de markt', howMuch: 'een keer per week, heen en terug', by: addDays(today, 77) },
      { what: 'De trap nemen in plaats van de lift', howMuch: 'drie verdiepingen', by: addDays(today, 49) },
    ],
    psk: [{ activity: 'Boodschappen dragen', score: 6 }, { activity: 'Lang staan bij het aanrecht', score: 5 }],
  };
}

/** The education session, five days ago. */
export function demoEducation(today: IsoDate) {
  return {
    date: addDays(today, -5),
    topics: [
      { topic: 'what-is-osteoporosis', discussed: true, moreWanted: false },
      { topic: 'posture', discussed: true, moreWanted: true },
      { topic: 'falls-and-fear', discussed: true, moreWanted: false },
    ],
    note: 'Wil thuis nog eens lezen over tillen.',
  };
}
