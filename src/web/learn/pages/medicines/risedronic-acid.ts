// Risedronic acid 35 mg weekly (clinical-rules §5, §7, §8; SMPC-risedronic-acid).
import type { LearnPage } from '../../learn.types.js';
import {
  ALLERGY, CALCIUM_1000, CALCIUM_TABLETS, CALL_AT_ONCE, CHECKED, EAR, FOLLOW_UP, JAW, THIGH, VITAMIN_D_20,
  li, list, p, teethSection,
} from './parts.js';

export const risedronicAcid: LearnPage = {
  slug: 'medicine-risedronic-acid',
  drug: 'risedronic-acid',
  group: 'medicines',
  title: { nl: 'Risedroninezuur', en: 'Risedronic acid' },
  summary: {
    nl: 'Een tablet die u één keer per week neemt. Hij maakt uw botten steviger. Hier leest u hoe u hem neemt en waar u op let.',
    en: 'A tablet you take once a week. It makes your bones stronger. Here you read how to take it and what to watch for.',
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
          'Risedroninezuur remt het afbreken. Zo worden uw botten steviger en breekt u minder snel iets.',
          'Risedronic acid slows the breaking down. Your bones get stronger and you are less likely to break a bone.',
        ),
        p(
          'Het werkt op dezelfde manier als alendroninezuur. Die twee zijn vaak de eerste keus.',
          'It works the same way as alendronic acid. Those two are often the first choice.',
        ),
        p(
          'U voelt zelf niet dat het werkt. Het werkt wel: de kans op een nieuwe breuk wordt kleiner.',
          'You cannot feel it working. But it does work: the chance of a new fracture gets smaller.',
        ),
      ],
    },
    {
      id: 'how',
      heading: { nl: 'Hoe neemt u het?', en: 'How do you take it?' },
      blocks: [
        p(
          'U neemt één tablet van 35 mg per week. Kies een vaste dag, bijvoorbeeld elke maandag.',
          'You take one 35 mg tablet a week. Pick a fixed day, for example every Monday.',
        ),
        p(
          'De tablet werkt alleen goed als uw maag leeg is. Daarom zijn er een paar vaste regels.',
          'The tablet only works well on an empty stomach. That is why there are a few fixed rules.',
        ),
        list(
          li(
            'Neem de tablet als u net op bent. U hebt dan nog niets gegeten of gedronken.',
            'Take the tablet just after you get up, before you have eaten or drunk anything.',
          ),
          li(
            'Slik hem heel door met een vol glas gewoon water uit de kraan.',
            'Swallow it whole with a full glass of plain tap water.',
          ),
          li(
            'Neem geen koffie, thee, melk, sap of mineraalwater bij de tablet.',
            'Do not take it with coffee, tea, milk, juice or mineral water.',
          ),
          li('Kauw niet op de tablet en zuig er niet op.', 'Do not chew or suck the tablet.'),
          li(
            'Blijf daarna minstens 30 minuten rechtop. U mag zitten, staan of lopen. Ga niet liggen.',
            'Then stay upright for at least 30 minutes. You may sit, stand or walk. Do not lie down.',
          ),
          li(
            'Wacht minstens 30 minuten met eten, drinken en andere medicijnen.',
            'Wait at least 30 minutes before you eat, drink or take other medicines.',
          ),
        ),
        p(
          'Waarom rechtop? Dan zakt de tablet snel naar uw maag. Blijft hij in uw slokdarm hangen, dan kan die pijnlijk worden. De slokdarm is de buis van uw mond naar uw maag.',
          'Why upright? Then the tablet goes down to your stomach quickly. If it sticks in your gullet, that can get sore. The gullet is the tube from your mouth to your stomach.',
        ),
        p(
          'Vergeten? Kijk in de bijsluiter of vraag uw apotheker wat u doet. Ga daarna verder op uw vaste dag. Neem nooit twee tabletten op één dag.',
          'Forgot? Look in the package leaflet or ask your pharmacist what to do. Then go on with your fixed day. Never take two tablets on one day.',
        ),
        p(
          'Voor de start kijkt de arts in uw bloed hoe goed uw nieren werken.',
          'Before you start, the doctor checks in your blood how well your kidneys work.',
        ),
      ],
    },
    {
      id: 'how-long',
      heading: { nl: 'Hoe lang?', en: 'For how long?' },
      blocks: [
        p(
          'U neemt dit medicijn een aantal jaren. Na 5 jaar praat u met de arts over hoe het verder gaat.',
          'You take this medicine for several years. After 5 years you and your doctor talk about what comes next.',
        ),
        p(
          'Soms kunt u dan stoppen of een pauze nemen. Soms is doorgaan beter, of een ander medicijn.',
          'Sometimes you can then stop or take a break. Sometimes going on is better, or another medicine.',
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
          li('Last van uw maag, zoals pijn, een vol gevoel of zuurbranden.', 'Stomach trouble, such as pain, a full feeling or heartburn.'),
          li('Harde ontlasting, diarree of winden.', 'Constipation, diarrhoea or wind.'),
          li('Pijn in spieren, botten of gewrichten.', 'Pain in muscles, bones or joints.'),
          li('Hoofdpijn.', 'Headache.'),
        ),
        p(
          'Hebt u er last van? Stop dan niet zelf. Praat erover met uw arts of apotheker.',
          'Are they bothering you? Do not stop on your own. Talk about it with your doctor or pharmacist.',
        ),
        CALL_AT_ONCE,
        list(
          li('Pijn bij het slikken, of moeite met slikken.', 'Pain when you swallow, or trouble swallowing.'),
          li(
            'Pijn achter uw borstbeen, of zuurbranden dat nieuw is of erger wordt.',
            'Pain behind your breastbone, or heartburn that is new or getting worse.',
          ),
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
          'Stop nooit zelf met dit medicijn. Ook niet als u nergens last van hebt. Uw botten hebben het nodig, ook als u er niets van merkt.',
          'Never stop this medicine on your own. Not even when nothing bothers you. Your bones need it, even if you notice nothing.',
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
          'Uw botten hebben calcium en vitamine D nodig. Zonder genoeg daarvan werkt dit medicijn minder goed.',
          'Your bones need calcium and vitamin D. Without enough of them this medicine works less well.',
        ),
        VITAMIN_D_20,
        CALCIUM_1000,
        CALCIUM_TABLETS,
        p(
          'Neem calcium niet tegelijk met de tablet. Calcium houdt het medicijn tegen. Neem calcium later op de dag, bijvoorbeeld bij het avondeten.',
          'Do not take calcium at the same time as the tablet. Calcium stops the medicine from being taken up. Take calcium later in the day, for example with your evening meal.',
        ),
      ],
    },
  ],
  sources: ['SMPC-risedronic-acid', 'NIV-2022', 'LEAFLET-HOSPITAL', 'PATHWAY-UMC'],
  checked: CHECKED,
};
