// Zoledronic acid 5 mg by drip once a year (clinical-rules §5, §7, §8; SMPC-zoledronic-acid):
// a blood test within 2 weeks before each drip, and after a hip repair not before 2 weeks.
import type { LearnPage } from '../../learn.types.js';
import {
  ALLERGY, CALCIUM_1000, CALCIUM_TABLETS, CALL_AT_ONCE, CHECKED, EAR, FOLLOW_UP, JAW, LOW_CALCIUM, THIGH,
  VITAMIN_D_20, li, list, p, teethSection,
} from './parts.js';

export const zoledronicAcid: LearnPage = {
  slug: 'medicine-zoledronic-acid',
  drug: 'zoledronic-acid',
  group: 'medicines',
  title: { nl: 'Zoledroninezuur', en: 'Zoledronic acid' },
  summary: {
    nl: 'Een infuus dat u één keer per jaar in het ziekenhuis krijgt. Het maakt uw botten steviger.',
    en: 'A drip you get in hospital once a year. It makes your bones stronger.',
  },
  sections: [
    {
      id: 'what',
      heading: { nl: 'Wat doet dit medicijn?', en: 'What does this medicine do?' },
      blocks: [
        p(
          'Uw lichaam breekt elke dag een beetje oud bot af en maakt nieuw bot. Bij broze botten gaat het afbreken te snel.',
          'Every day your body breaks down a little old bone and makes new bone. In brittle bones the breaking down goes too fast.',
        ),
        p(
          'Zoledroninezuur remt het afbreken. Zo worden uw botten steviger en breekt u minder snel iets.',
          'Zoledronic acid slows the breaking down. Your bones get stronger and you are less likely to break a bone.',
        ),
        p(
          'Het werkt lang. Daarom is één keer per jaar genoeg. Het is een goede keus als tabletten niet passen of niet goed vallen.',
          'It works for a long time, so once a year is enough. It is a good choice when tablets do not suit you or upset you.',
        ),
        p(
          'Na een gebroken heup kan het ook. U krijgt het dan op zijn vroegst 2 weken na de operatie.',
          'It can also be used after a broken hip. You then get it 2 weeks after the operation at the earliest.',
        ),
      ],
    },
    {
      id: 'how',
      heading: { nl: 'Hoe krijgt u het?', en: 'How do you get it?' },
      blocks: [
        p(
          'U krijgt één keer per jaar 5 mg via een infuus. Een infuus is een dun slangetje in een ader van uw arm. Het medicijn loopt daardoor langzaam uw bloed in.',
          'Once a year you get 5 mg through a drip. A drip is a thin tube in a vein in your arm. The medicine slowly runs through it into your blood.',
        ),
        p(
          'Dat gebeurt in het ziekenhuis, op één dag. Reken op ongeveer een uur voor het infuus. Daarna gaat u weer naar huis.',
          'This happens in hospital, within one day. Count on about an hour for the drip. Then you go home again.',
        ),
        list(
          li(
            'In de 2 weken voor het infuus wordt uw bloed getest. Zo weet de arts of uw nieren goed genoeg werken.',
            'In the 2 weeks before the drip your blood is tested. That tells the doctor whether your kidneys work well enough.',
          ),
          li(
            'Er moet genoeg calcium en vitamine D in uw bloed zijn. Anders krijgt u daar eerst extra van.',
            'There must be enough calcium and vitamin D in your blood. If not, you first get extra of them.',
          ),
          li(
            'Drink goed op de dag van het infuus, voor en na. Twee extra glazen water is een goed begin.',
            'Drink well on the day of the drip, before and after. Two extra glasses of water is a good start.',
          ),
          li(
            'Zet de datum van het volgende infuus in uw agenda. Het is elk jaar rond dezelfde tijd.',
            'Put the date of the next drip in your diary. It is around the same time every year.',
          ),
        ),
      ],
    },
    {
      id: 'how-long',
      heading: { nl: 'Hoe lang?', en: 'For how long?' },
      blocks: [
        p(
          'Na 3 jaar praat u met de arts over hoe het verder gaat. Dan hebt u meestal 3 infusen gehad.',
          'After 3 years you and your doctor talk about what comes next. By then you have usually had 3 drips.',
        ),
        p(
          'Soms kunt u dan een pauze nemen, want het medicijn werkt lang na. Soms is doorgaan beter, of een ander medicijn.',
          'Sometimes you can then take a break, because the medicine keeps working for a long time. Sometimes going on is better, or another medicine.',
        ),
        FOLLOW_UP,
        p(
          'Zolang u een infuus krijgt, blijft u onder controle in het ziekenhuis.',
          'As long as you get a drip, you stay under the care of the hospital.',
        ),
      ],
    },
    {
      id: 'side-effects',
      heading: { nl: 'Bijwerkingen', en: 'Side effects' },
      blocks: [
        p(
          'Na het infuus voelt u zich misschien een paar dagen grieperig. Dat komt vooral na het eerste infuus. Na een volgend infuus is het meestal minder.',
          'After the drip you may feel as if you have flu for a few days. This happens mostly after the first drip. After the next one it is usually less.',
        ),
        list(
          li('Koorts of rillen.', 'Fever or shivers.'),
          li('Pijn in spieren, botten of gewrichten.', 'Pain in muscles, bones or joints.'),
          li('Hoofdpijn.', 'Headache.'),
          li('Moe of misselijk zijn.', 'Feeling tired or sick.'),
        ),
        p(
          'Dit gaat meestal binnen 3 dagen over. Paracetamol helpt er goed tegen.',
          'This usually passes within 3 days. Paracetamol helps well.',
        ),
        CALL_AT_ONCE,
        list(
          LOW_CALCIUM,
          li('Pijn in uw oog, een rood oog of slechter zien.', 'Pain in your eye, a red eye or worse sight.'),
          li('Koorts of griep die na 3 dagen niet over is.', 'Fever or flu that has not passed after 3 days.'),
          THIGH,
          JAW,
          EAR,
          ALLERGY,
        ),
      ],
    },
    teethSection({ nl: 'dit medicijn', en: 'this medicine' }),
    {
      id: 'never-stop',
      heading: { nl: 'Niet zelf stoppen', en: 'Do not stop on your own' },
      blocks: [
        p(
          'Sla een infuus niet zelf over en schuif het niet zomaar op. Uw botten hebben het nodig, ook als u er niets van merkt.',
          'Do not skip a drip on your own or simply put it off. Your bones need it, even if you notice nothing.',
        ),
        p(
          'Wilt u stoppen, of twijfelt u? Bespreek het eerst met uw arts of de polikliniek.',
          'Do you want to stop, or are you in doubt? Talk it over with your doctor or the clinic first.',
        ),
      ],
    },
    {
      id: 'calcium-vitamin-d',
      heading: { nl: 'Calcium en vitamine D', en: 'Calcium and vitamin D' },
      blocks: [
        p(
          'Uw botten hebben calcium en vitamine D nodig. Zonder genoeg daarvan werkt dit medicijn minder goed. Ook kan het calcium in uw bloed dan te laag worden.',
          'Your bones need calcium and vitamin D. Without enough of them this medicine works less well. The calcium in your blood can then also drop too low.',
        ),
        VITAMIN_D_20,
        CALCIUM_1000,
        CALCIUM_TABLETS,
        p(
          'Bij het infuus hoeft u niet op de tijd te letten. U kunt calcium en vitamine D gewoon elke dag nemen.',
          'With the drip there is no timing to watch. You can simply take calcium and vitamin D every day.',
        ),
      ],
    },
  ],
  sources: ['SMPC-zoledronic-acid', 'NIV-2022', 'LEAFLET-HOSPITAL', 'PATHWAY-UMC'],
  checked: CHECKED,
};
