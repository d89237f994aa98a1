// Work and daily life with fragile bones: load, lifting, and the company doctor.
import type { LearnPage } from '../learn.types.js';

export const WORK_PAGE: LearnPage = {
  slug: 'work',
  group: 'living',
  title: { nl: 'Werk en het dagelijks leven', en: 'Work and daily life' },
  summary: {
    nl: 'Met osteoporose kunt u meestal gewoon werken en uw dingen doen. Let wel op hoe u tilt en hoe zwaar u het uw rug maakt.',
    en: 'With osteoporosis you can usually go on working and doing your things. But take care how you lift and how much you ask of your back.',
  },
  sections: [
    {
      id: 'keep-going',
      heading: { nl: 'Blijf actief', en: 'Stay active' },
      blocks: [
        { kind: 'p', text: { nl: 'Werk en bezig zijn is goed voor u. U beweegt meer en u ziet mensen. Stoppen is meestal niet nodig.', en: 'Work and keeping busy are good for you. You move more and you see people. Stopping is usually not needed.' } },
        { kind: 'p', text: { nl: 'Zit u veel? Sta dan elk half uur even op. Loop een stukje of pak iets te drinken.', en: 'Do you sit a lot? Then get up every half hour. Walk a little or get something to drink.' } },
      ],
    },
    {
      id: 'lifting',
      heading: { nl: 'Tillen en bukken', en: 'Lifting and bending' },
      blocks: [
        {
          kind: 'list',
          items: [
            { nl: 'Til dicht bij uw lijf.', en: 'Lift close to your body.' },
            { nl: 'Zak door uw knieën en houd uw rug recht.', en: 'Bend your knees and keep your back straight.' },
            { nl: 'Draai niet met uw romp terwijl u tilt.', en: 'Do not twist your body while lifting.' },
            { nl: 'Deel een zware last op in kleine stukken. Of vraag iemand om hulp.', en: 'Split a heavy load into small parts. Or ask someone to help.' },
            { nl: 'Gebruik een karretje of een tas op wieltjes.', en: 'Use a trolley or a bag on wheels.' },
          ],
        },
      ],
    },
    {
      id: 'company-doctor',
      heading: { nl: 'Praat met de bedrijfsarts', en: 'Talk to the company doctor' },
      blocks: [
        { kind: 'p', text: { nl: 'Is uw werk zwaar voor uw rug? Of had u een breuk? Praat dan met de bedrijfsarts. Dat is de arts die uw werkgever inschakelt.', en: 'Is your work hard on your back? Or did you have a fracture? Then talk to the company doctor. That is the doctor your employer works with.' } },
        { kind: 'p', text: { nl: 'De bedrijfsarts kijkt samen met u wat u kunt. Soms kan uw werk wat anders. Bijvoorbeeld minder tillen of een andere stoel.', en: 'The company doctor looks with you at what you can do. Sometimes your work can change a little. For example less lifting or a different chair.' } },
        { kind: 'p', text: { nl: 'Wat u de bedrijfsarts vertelt, gaat niet zomaar naar uw baas. De arts houdt uw gegevens geheim.', en: 'What you tell the company doctor does not simply go to your boss. The doctor keeps your details private.' } },
      ],
    },
    {
      id: 'at-home',
      heading: { nl: 'Thuis', en: 'At home' },
      blocks: [
        { kind: 'p', text: { nl: 'Verdeel zwaar werk in huis over de week. Doe niet alles op één dag.', en: 'Spread heavy jobs in the house over the week. Do not do everything on one day.' } },
        { kind: 'p', text: { nl: 'Gebruik hulpmiddelen, zoals een stofzuiger met een lange steel of een grijper. Dan hoeft u minder te bukken.', en: 'Use aids, such as a vacuum cleaner with a long handle or a grabber. Then you need to bend less.' } },
      ],
    },
  ],
  sources: ['GUIDE-EXERCISE', 'LEAFLET-PHYSIO', 'LEAFLET-HOSPITAL'],
  checked: '2026-12-07',
};
