// Teriparatide 20 µg under the skin daily, at most 24 months in a lifetime, then a medicine that
// slows bone loss (clinical-rules §5, §7, §8; SMPC-teriparatide; PATHWAY-UMC).
import type { LearnPage } from '../../learn.types.js';
import {
  ALLERGY, CALCIUM_1000, CALCIUM_TABLETS, CALL_AT_ONCE, CHECKED, FOLLOW_UP, VITAMIN_D_20, li, list, p,
} from './parts.js';

export const teriparatide: LearnPage = {
  slug: 'medicine-teriparatide',
  drug: 'teriparatide',
  group: 'medicines',
  title: { nl: 'Teriparatide', en: 'Teriparatide' },
  summary: {
    nl: 'Een prik die u elke dag zelf zet, met een pen. Het helpt uw lichaam nieuw bot te maken. U gebruikt het hooguit 2 jaar.',
    en: 'An injection you give yourself every day with a pen. It helps your body make new bone. You use it for 2 years at most.',
  },
  sections: [
    {
      id: 'what',
      heading: { nl: 'Wat doet dit medicijn?', en: 'What does this medicine do?' },
      blocks: [
        p(
          'De meeste medicijnen voor de botten remmen het afbreken van bot. Teriparatide doet iets anders: het zet uw lichaam aan om nieuw bot te maken.',
          'Most medicines for the bones slow down the breaking down of bone. Teriparatide does something else: it makes your body build new bone.',
        ),
        p(
          'Het lijkt op een stof die uw lichaam zelf ook maakt. Die stof komt uit de bijschildklieren. Dat zijn kleine klieren in uw hals.',
          'It is like a substance your body makes itself. That substance comes from the parathyroid glands. These are small glands in your neck.',
        ),
        p(
          'De arts kiest dit medicijn als uw botten erg broos zijn. Bijvoorbeeld als u nieuwe breuken kreeg terwijl u al een ander medicijn had.',
          'The doctor chooses this medicine when your bones are very brittle. For example when you had new fractures while already on another medicine.',
        ),
      ],
    },
    {
      id: 'how',
      heading: { nl: 'Hoe gebruikt u het?', en: 'How do you use it?' },
      blocks: [
        p(
          'U zet elke dag zelf een prik van 20 µg onder de huid. Dat is 20 microgram. U doet dat met een pen, in uw buik of uw bovenbeen.',
          'Every day you give yourself an injection of 20 µg under the skin. That is 20 micrograms. You do it with a pen, in your belly or your thigh.',
        ),
        p(
          'Een verpleegkundige leert u hoe dat gaat. Het naaldje is heel dun.',
          'A nurse teaches you how to do it. The needle is very thin.',
        ),
        list(
          li('Prik elke dag rond dezelfde tijd.', 'Inject at about the same time every day.'),
          li('Kies steeds een andere plek.', 'Use a different spot each time.'),
          li(
            'Bewaar de pen in de koelkast, niet in het vriesvak. Leg hem na gebruik meteen terug.',
            'Keep the pen in the fridge, not in the freezer. Put it back straight after use.',
          ),
          li(
            'Zit of lig de eerste keren als u prikt. Wordt u duizelig, dan kunt u zo blijven tot het over is.',
            'Sit or lie down the first few times you inject. If you feel dizzy, you can stay like that until it passes.',
          ),
        ),
        p(
          'Vergeten? Prik dan nog dezelfde dag, zodra u eraan denkt. Prik nooit twee keer op één dag.',
          'Forgot? Then inject later that same day, as soon as you remember. Never inject twice in one day.',
        ),
      ],
    },
    {
      id: 'how-long',
      heading: { nl: 'Hoe lang?', en: 'For how long?' },
      blocks: [
        p(
          'U gebruikt teriparatide hooguit 24 maanden. Dat is 2 jaar. Dat geldt voor uw hele leven: daarna krijgt u het niet nog eens.',
          'You use teriparatide for 24 months at most. That is 2 years. This counts for your whole life: after that you do not get it again.',
        ),
        p(
          'Na 2 jaar stopt u ermee. Dan krijgt u meteen een ander medicijn dat het nieuwe bot beschermt. Bijvoorbeeld een tablet, een infuus of denosumab.',
          'After 2 years you stop. Then you straight away get another medicine that protects the new bone. For example a tablet, a drip or denosumab.',
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
          li('Duizelig worden, vooral als u snel opstaat.', 'Feeling dizzy, mostly when you stand up quickly.'),
          li('Misselijkheid of hoofdpijn.', 'Feeling sick or a headache.'),
          li('Krampen in uw benen.', 'Cramps in your legs.'),
          li('Pijn in uw armen of benen.', 'Pain in your arms or legs.'),
          li('Moe zijn.', 'Feeling tired.'),
          li('Een rode of pijnlijke plek waar u prikte.', 'A red or sore spot where you injected.'),
        ),
        p(
          'Hebt u er last van? Stop dan niet zelf. Praat erover met uw arts of apotheker.',
          'Are they bothering you? Do not stop on your own. Talk about it with your doctor or pharmacist.',
        ),
        CALL_AT_ONCE,
        list(
          li('U valt flauw, of u bent zo duizelig dat u bijna valt.', 'You faint, or you are so dizzy that you almost fall.'),
          li(
            'U blijft misselijk, moet overgeven, of bent erg moe en slap. Dit kan komen door te veel calcium in uw bloed.',
            'You keep feeling sick, you vomit, or you are very tired and weak. This can come from too much calcium in your blood.',
          ),
          ALLERGY,
        ),
      ],
    },
    {
      id: 'teeth',
      heading: { nl: 'Uw tanden en uw kaak', en: 'Your teeth and your jaw' },
      blocks: [
        p(
          'Voor zover bekend geeft teriparatide geen extra kans op een ontsteking van het kaakbot. Er zijn dus geen extra regels voor de tandarts.',
          'As far as is known, teriparatide gives no extra chance of an inflamed jawbone. So there are no extra rules for the dentist.',
        ),
        p(
          'Poets wel goed en ga op controle zoals altijd. Zeg de tandarts welke medicijnen u hebt.',
          'Do brush well and go for check-ups as usual. Tell your dentist which medicines you use.',
        ),
        p(
          'Let op: na teriparatide krijgt u een ander medicijn. Voor dat medicijn moet u wel eerst naar de tandarts. Plan dat op tijd.',
          'Note: after teriparatide you get another medicine. For that medicine you do need to see the dentist first. Plan it in good time.',
        ),
      ],
    },
    {
      id: 'never-stop',
      heading: { nl: 'Niet zelf stoppen', en: 'Do not stop on your own' },
      blocks: [
        p(
          'Stop niet zelf en sla geen dagen over. Het medicijn werkt het best als u het elke dag neemt.',
          'Do not stop on your own and do not skip days. The medicine works best when you use it every day.',
        ),
        p(
          'Stop ook nooit zonder het medicijn dat erna komt. Anders gaat de winst voor uw botten weer verloren.',
          'Also never stop without the medicine that comes after it. Otherwise the gain for your bones is lost again.',
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
          'Voor nieuw bot heeft uw lichaam calcium en vitamine D nodig.',
          'To build new bone your body needs calcium and vitamin D.',
        ),
        VITAMIN_D_20,
        CALCIUM_1000,
        CALCIUM_TABLETS,
        p(
          'Neem niet meer calcium als tablet dan de arts zegt. Dit medicijn kan het calcium in uw bloed al wat hoger maken.',
          'Do not take more calcium tablets than your doctor says. This medicine can already raise the calcium in your blood a little.',
        ),
      ],
    },
  ],
  sources: ['SMPC-teriparatide', 'NIV-2022', 'LEAFLET-HOSPITAL', 'PATHWAY-UMC'],
  checked: CHECKED,
};
