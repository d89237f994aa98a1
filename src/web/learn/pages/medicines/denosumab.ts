// Denosumab 60 mg under the skin every 6 months (clinical-rules §7, §8; SMPC-denosumab). The one
// fact this page must not soften: stopping without a follow-on medicine within 6 months of the
// last injection makes the bone lose strength fast (medication.denosumab-stop-without-follow-on).
import type { LearnPage } from '../../learn.types.js';
import {
  ALLERGY, CALCIUM_1000, CALCIUM_TABLETS, CALL_AT_ONCE, CHECKED, EAR, FOLLOW_UP, JAW, LOW_CALCIUM, THIGH,
  VITAMIN_D_20, li, list, p, teethSection,
} from './parts.js';

export const denosumab: LearnPage = {
  slug: 'medicine-denosumab',
  drug: 'denosumab',
  group: 'medicines',
  title: { nl: 'Denosumab', en: 'Denosumab' },
  summary: {
    nl: 'Een prik onder de huid, elke 6 maanden. Het maakt uw botten steviger. Stop er nooit zelf mee.',
    en: 'An injection under the skin every 6 months. It makes your bones stronger. Never stop it on your own.',
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
          'Denosumab remt de cellen die bot afbreken. Zo worden uw botten steviger en breekt u minder snel iets.',
          'Denosumab slows down the cells that break down bone. Your bones get stronger and you are less likely to break a bone.',
        ),
        p(
          'Het werkt goed, maar alleen zolang u de prikken krijgt. Daarom is op tijd komen zo belangrijk.',
          'It works well, but only as long as you get the injections. That is why coming on time matters so much.',
        ),
      ],
    },
    {
      id: 'how',
      heading: { nl: 'Hoe krijgt u het?', en: 'How do you get it?' },
      blocks: [
        p(
          'U krijgt elke 6 maanden een prik van 60 mg onder de huid. Dat is in uw buik, uw bovenbeen of de achterkant van uw bovenarm.',
          'Every 6 months you get a 60 mg injection under the skin. It goes into your belly, your thigh or the back of your upper arm.',
        ),
        p(
          'De prik kan de huisarts geven, of iemand in het ziekenhuis. U kunt het ook zelf leren. Een verpleegkundige legt dan uit hoe het gaat.',
          'The injection can be given by your GP or by someone in the hospital. You can also learn to do it yourself. A nurse then shows you how.',
        ),
        list(
          li(
            'In de 4 weken voor elke prik wordt uw bloed getest. De arts kijkt of er genoeg calcium in zit.',
            'In the 4 weeks before each injection your blood is tested. The doctor checks that it has enough calcium.',
          ),
          li(
            'Kom op tijd: 6 maanden na de vorige prik. Zet de datum meteen in uw agenda.',
            'Come on time: 6 months after the last injection. Put the date in your diary straight away.',
          ),
          li(
            'Lukt de datum niet? Bel dan meteen voor een nieuwe afspraak, zo kort mogelijk erna.',
            'Can you not make the date? Call straight away for a new appointment, as soon after as possible.',
          ),
          li(
            'Prikt u zelf? Bewaar de spuit dan in de koelkast, niet in het vriesvak.',
            'Do you inject yourself? Keep the syringe in the fridge, not in the freezer.',
          ),
        ),
      ],
    },
    {
      id: 'how-long',
      heading: { nl: 'Hoe lang?', en: 'For how long?' },
      blocks: [
        p(
          'Na 3 jaar praat u met de arts over hoe het verder gaat. Misschien gaat u door. Misschien stapt u over op een ander medicijn.',
          'After 3 years you and your doctor talk about what comes next. You may go on. You may switch to another medicine.',
        ),
        p(
          'Een pauze zoals bij sommige tabletten kan bij denosumab niet. Na denosumab komt altijd een ander medicijn.',
          'A break, as with some tablets, is not possible with denosumab. Another medicine always follows denosumab.',
        ),
        FOLLOW_UP,
        p(
          'Na het eerste jaar neemt uw huisarts de zorg vaak over.',
          'After the first year your GP often takes over your care.',
        ),
      ],
    },
    {
      id: 'side-effects',
      heading: { nl: 'Bijwerkingen', en: 'Side effects' },
      blocks: [
        p(
          'De meeste mensen hebben weinig last van dit medicijn. Deze klachten komen wel eens voor:',
          'Most people have little trouble with this medicine. These complaints do happen now and then:',
        ),
        list(
          li('Pijn in uw armen of benen.', 'Pain in your arms or legs.'),
          li('Pijn in spieren of botten.', 'Pain in muscles or bones.'),
          li('Huiduitslag, eczeem of jeuk.', 'A rash, eczema or itching.'),
          li('Veel winden.', 'A lot of wind.'),
        ),
        p(
          'Hebt u er last van? Sla dan geen prik over. Praat erover met uw arts.',
          'Are they bothering you? Do not skip an injection. Talk about it with your doctor.',
        ),
        CALL_AT_ONCE,
        list(
          LOW_CALCIUM,
          li(
            'Een rode, warme, dikke en pijnlijke plek op uw huid, vaak met koorts. Dit kan een ontsteking van de huid zijn.',
            'A red, warm, swollen and painful patch of skin, often with fever. This can be a skin infection.',
          ),
          THIGH,
          JAW,
          EAR,
          ALLERGY,
        ),
      ],
    },
    teethSection({ nl: 'denosumab', en: 'denosumab' }),
    {
      id: 'never-stop',
      heading: { nl: 'Stop nooit zelf met denosumab', en: 'Never stop denosumab on your own' },
      blocks: [
        p(
          'Dit is het belangrijkste van deze pagina. Stop nooit zelf met denosumab en sla geen prik over.',
          'This is the most important part of this page. Never stop denosumab on your own, and never skip an injection.',
        ),
        p(
          'Stopt denosumab, dan breekt uw lichaam ineens veel sneller bot af. Uw botten worden dan in korte tijd zwakker.',
          'When denosumab stops, your body suddenly breaks down bone much faster. Your bones then get weaker in a short time.',
        ),
        p(
          'Daardoor kunnen er wervels in uw rug breken, soms een paar tegelijk. Wervels zijn de botten van uw rug.',
          'Bones of your spine can then break, sometimes several at once. These bones are called vertebrae.',
        ),
        p(
          'Moet of wilt u stoppen? Dan kiest de arts een ander medicijn dat het bot beschermt, zoals een tablet of een infuus. Dat begint binnen 6 maanden na uw laatste prik.',
          'Do you need or want to stop? Then the doctor picks another medicine that protects the bone, such as a tablet or a drip. It starts within 6 months of your last injection.',
        ),
        p(
          'Praat dus altijd eerst met de polikliniek of uw huisarts. Doe dat ook als u twijfelt of bijwerkingen hebt.',
          'So always talk to the clinic or your GP first. Do this too when you are in doubt or have side effects.',
        ),
        p(
          'Gaat u naar een andere arts, of verhuist u? Zeg dan dat u denosumab krijgt en wanneer de laatste prik was.',
          'Are you going to another doctor, or moving house? Then say that you get denosumab and when the last injection was.',
        ),
      ],
    },
    {
      id: 'calcium-vitamin-d',
      heading: { nl: 'Calcium en vitamine D', en: 'Calcium and vitamin D' },
      blocks: [
        p(
          'Denosumab kan het calcium in uw bloed laten dalen. Genoeg calcium en vitamine D helpt dat te voorkomen.',
          'Denosumab can make the calcium in your blood drop. Enough calcium and vitamin D helps to prevent that.',
        ),
        VITAMIN_D_20,
        CALCIUM_1000,
        CALCIUM_TABLETS,
        p(
          'U hoeft niet op de tijd te letten. Neem calcium en vitamine D gewoon elke dag, ook in de weken rond de prik.',
          'There is no timing to watch. Simply take calcium and vitamin D every day, also in the weeks around the injection.',
        ),
      ],
    },
  ],
  sources: ['SMPC-denosumab', 'NIV-2022', 'LEAFLET-HOSPITAL', 'PATHWAY-UMC'],
  checked: CHECKED,
};
