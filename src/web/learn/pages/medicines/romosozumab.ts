// Romosozumab 210 mg under the skin monthly for 12 months, then a medicine that slows bone loss
// (clinical-rules §7, §8; SMPC-romosozumab). Not after a heart attack or stroke; only for women
// after the menopause.
import type { LearnPage } from '../../learn.types.js';
import {
  ALLERGY, CALCIUM_1000, CALCIUM_TABLETS, CALL_AT_ONCE, CHECKED, FOLLOW_UP, JAW, LOW_CALCIUM, THIGH, VITAMIN_D_20,
  li, list, p, teethSection,
} from './parts.js';

export const romosozumab: LearnPage = {
  slug: 'medicine-romosozumab',
  drug: 'romosozumab',
  group: 'medicines',
  title: { nl: 'Romosozumab', en: 'Romosozumab' },
  summary: {
    nl: 'Een prik onder de huid, één keer per maand, een jaar lang. Het helpt uw lichaam nieuw bot te maken.',
    en: 'An injection under the skin once a month, for one year. It helps your body make new bone.',
  },
  sections: [
    {
      id: 'what',
      heading: { nl: 'Wat doet dit medicijn?', en: 'What does this medicine do?' },
      blocks: [
        p(
          'Romosozumab doet twee dingen. Het helpt uw lichaam nieuw bot te maken. En het remt het afbreken van oud bot.',
          'Romosozumab does two things. It helps your body make new bone. And it slows down the breaking down of old bone.',
        ),
        p(
          'Het is voor vrouwen na de overgang met heel broze botten.',
          'It is for women after the menopause whose bones are very brittle.',
        ),
        p(
          'U krijgt het niet als u ooit een hartaanval of een beroerte had. Dit medicijn kan die kans wat groter maken.',
          'You do not get it if you have ever had a heart attack or a stroke. This medicine can make that chance a little higher.',
        ),
      ],
    },
    {
      id: 'how',
      heading: { nl: 'Hoe krijgt u het?', en: 'How do you get it?' },
      blocks: [
        p(
          'U krijgt één keer per maand 210 mg onder de huid. Dat zijn twee prikken vlak na elkaar, op twee plekken.',
          'Once a month you get 210 mg under the skin. That is two injections one right after the other, in two places.',
        ),
        p(
          'De prik gaat in uw buik, uw bovenbeen of de achterkant van uw bovenarm. Iemand die het heeft geleerd, geeft de prik.',
          'The injection goes into your belly, your thigh or the back of your upper arm. Someone who has been trained gives it.',
        ),
        list(
          li(
            'Voor u begint, wordt uw bloed getest. Er moet genoeg calcium in zitten.',
            'Before you start, your blood is tested. It must have enough calcium.',
          ),
          li(
            'Zet de datum van de volgende prik meteen in uw agenda.',
            'Put the date of the next injection in your diary straight away.',
          ),
          li(
            'Een prik gemist? Haal hem dan zo snel mogelijk in. De volgende is een maand daarna.',
            'Missed an injection? Have it as soon as you can. The next one is a month after that.',
          ),
        ),
      ],
    },
    {
      id: 'how-long',
      heading: { nl: 'Hoe lang?', en: 'For how long?' },
      blocks: [
        p(
          'U krijgt 12 keer een prik: één per maand, dus 12 maanden. Na 1 jaar stopt romosozumab. U krijgt het daarna niet nog eens.',
          'You get the injection 12 times: once a month, so 12 months. After 1 year romosozumab stops. You do not get it again after that.',
        ),
        p(
          'Dan krijgt u meteen een ander medicijn dat het nieuwe bot beschermt. Bijvoorbeeld een tablet, een infuus of denosumab.',
          'Then you straight away get another medicine that protects the new bone. For example a tablet, a drip or denosumab.',
        ),
        p(
          'Zonder dat medicijn verliest u weer een deel van het bot dat u hebt opgebouwd.',
          'Without that medicine you lose part of the bone you have built up again.',
        ),
        FOLLOW_UP,
      ],
    },
    {
      id: 'side-effects',
      heading: { nl: 'Bijwerkingen', en: 'Side effects' },
      blocks: [
        p(
          'De meeste mensen kunnen dit medicijn goed gebruiken. Deze klachten komen wel eens voor:',
          'Most people can use this medicine well. These complaints do happen now and then:',
        ),
        list(
          li('Een verkoudheid, zoals keelpijn of een loopneus.', 'A cold, such as a sore throat or a runny nose.'),
          li('Pijn in uw gewrichten of nek.', 'Pain in your joints or neck.'),
          li('Hoofdpijn of spierkrampen.', 'Headache or muscle cramps.'),
          li('Een rode of pijnlijke plek waar de prik ging.', 'A red or sore spot where the injection went.'),
        ),
        p(
          'Bel meteen 112 bij deze tekenen van een hartaanval of beroerte:',
          'Call 112 at once with these signs of a heart attack or stroke:',
        ),
        list(
          li(
            'Pijn of een zwaar gevoel op uw borst, soms tot in uw arm, kaak of rug.',
            'Pain or a heavy feeling in your chest, sometimes spreading to your arm, jaw or back.',
          ),
          li(
            'Een scheve mond, een slappe arm of been, of ineens moeite met praten.',
            'A drooping mouth, a weak arm or leg, or suddenly trouble speaking.',
          ),
          li('Ineens slecht zien, of heel erge hoofdpijn.', 'Suddenly seeing badly, or a very bad headache.'),
        ),
        CALL_AT_ONCE,
        list(LOW_CALCIUM, THIGH, JAW, ALLERGY),
      ],
    },
    teethSection({ nl: 'dit medicijn', en: 'this medicine' }),
    {
      id: 'never-stop',
      heading: { nl: 'Niet zelf stoppen', en: 'Do not stop on your own' },
      blocks: [
        p(
          'Stop niet zelf en sla geen prik over. Wilt u stoppen, of twijfelt u? Bespreek het eerst met uw arts of de polikliniek.',
          'Do not stop on your own and do not skip an injection. Do you want to stop, or are you in doubt? Talk it over with your doctor or the clinic first.',
        ),
        p(
          'Krijgt u een hartaanval of een beroerte? Dan stopt de arts dit medicijn. Er komt dan een ander medicijn voor in de plaats.',
          'Do you have a heart attack or a stroke? Then the doctor stops this medicine. Another medicine takes its place.',
        ),
        p(
          'Stop ook nooit zonder het medicijn dat erna komt. Anders gaat de winst voor uw botten weer verloren.',
          'Also never stop without the medicine that comes after it. Otherwise the gain for your bones is lost again.',
        ),
      ],
    },
    {
      id: 'calcium-vitamin-d',
      heading: { nl: 'Calcium en vitamine D', en: 'Calcium and vitamin D' },
      blocks: [
        p(
          'Uw botten hebben calcium en vitamine D nodig. Romosozumab kan het calcium in uw bloed laten dalen. Genoeg calcium en vitamine D helpt dat te voorkomen.',
          'Your bones need calcium and vitamin D. Romosozumab can make the calcium in your blood drop. Enough calcium and vitamin D helps to prevent that.',
        ),
        VITAMIN_D_20,
        CALCIUM_1000,
        CALCIUM_TABLETS,
        p(
          'U hoeft niet op de tijd te letten. Neem calcium en vitamine D gewoon elke dag.',
          'There is no timing to watch. Simply take calcium and vitamin D every day.',
        ),
      ],
    },
  ],
  sources: ['SMPC-romosozumab', 'NIV-2022', 'LEAFLET-HOSPITAL', 'PATHWAY-UMC'],
  checked: CHECKED,
};
