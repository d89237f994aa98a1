// Ibandronic acid: 150 mg tablet monthly, or 3 mg into a vein every 3 months (clinical-rules §7,
// §8; SMPC-ibandronic-acid). The tablet asks 60 minutes upright, twice the weekly tablets' time.
import type { LearnPage } from '../../learn.types.js';
import {
  ALLERGY, CALCIUM_1000, CALCIUM_TABLETS, CALL_AT_ONCE, CHECKED, EAR, FOLLOW_UP, JAW, THIGH, VITAMIN_D_20,
  li, list, p, teethSection,
} from './parts.js';

export const ibandronicAcid: LearnPage = {
  slug: 'medicine-ibandronic-acid',
  drug: 'ibandronic-acid',
  group: 'medicines',
  title: { nl: 'Ibandroninezuur', en: 'Ibandronic acid' },
  summary: {
    nl: 'Een tablet één keer per maand, of een prik in een ader om de 3 maanden. Het maakt uw botten steviger.',
    en: 'A tablet once a month, or an injection into a vein every 3 months. It makes your bones stronger.',
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
          'Ibandroninezuur remt het afbreken. Zo worden uw botten steviger en breekt u minder snel iets.',
          'Ibandronic acid slows the breaking down. Your bones get stronger and you are less likely to break a bone.',
        ),
        p(
          'Er zijn twee vormen: een tablet of een prik in een ader. U kiest samen met de arts wat bij u past.',
          'It comes in two forms: a tablet or an injection into a vein. You and your doctor choose what suits you.',
        ),
      ],
    },
    {
      id: 'how',
      heading: { nl: 'Hoe neemt u het?', en: 'How do you take it?' },
      blocks: [
        p(
          'De tablet: u neemt één tablet van 150 mg per maand. Kies een vaste datum, bijvoorbeeld de eerste van de maand.',
          'The tablet: you take one 150 mg tablet a month. Pick a fixed date, for example the first of the month.',
        ),
        p(
          'De tablet werkt alleen goed als uw maag leeg is. Daarom zijn er een paar vaste regels.',
          'The tablet only works well on an empty stomach. That is why there are a few fixed rules.',
        ),
        list(
          li(
            'Neem de tablet als u net op bent, na een nacht zonder eten.',
            'Take the tablet just after you get up, after a night without food.',
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
            'Blijf daarna minstens 60 minuten rechtop. U mag zitten, staan of lopen. Ga niet liggen.',
            'Then stay upright for at least 60 minutes. You may sit, stand or walk. Do not lie down.',
          ),
          li(
            'Wacht minstens 60 minuten met eten, drinken en andere medicijnen.',
            'Wait at least 60 minutes before you eat, drink or take other medicines.',
          ),
        ),
        p(
          'Let op: dat is een heel uur. Bij de tabletten voor één keer per week is het een half uur.',
          'Note: that is a full hour. With the once-a-week tablets it is half an hour.',
        ),
        p(
          'Vergeten? Is uw volgende tablet meer dan 7 dagen weg? Neem hem dan de ochtend nadat u het merkt. Is het 7 dagen of minder? Sla hem dan over. Neem nooit twee tabletten in één week.',
          'Forgot? Is your next tablet more than 7 days away? Then take it on the morning after you notice. Is it 7 days or less? Then skip it. Never take two tablets in one week.',
        ),
        p(
          'De prik: om de 3 maanden krijgt u 3 mg in een ader van uw arm. Een arts of verpleegkundige geeft de prik. Het duurt maar kort.',
          'The injection: every 3 months you get 3 mg into a vein in your arm. A doctor or nurse gives it. It only takes a short time.',
        ),
        p(
          'Voor elke prik wordt uw bloed getest. Zo weet de arts of uw nieren goed genoeg werken.',
          'Before each injection your blood is tested. That tells the doctor whether your kidneys work well enough.',
        ),
      ],
    },
    {
      id: 'how-long',
      heading: { nl: 'Hoe lang?', en: 'For how long?' },
      blocks: [
        p(
          'U gebruikt dit medicijn een aantal jaren. Na 5 jaar praat u met de arts over hoe het verder gaat.',
          'You use this medicine for several years. After 5 years you and your doctor talk about what comes next.',
        ),
        p(
          'Soms kunt u dan stoppen of een pauze nemen. Soms is doorgaan beter, of een ander medicijn.',
          'Sometimes you can then stop or take a break. Sometimes going on is better, or another medicine.',
        ),
        FOLLOW_UP,
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
          li('Last van uw maag, zoals pijn, misselijkheid of zuurbranden.', 'Stomach trouble, such as pain, feeling sick or heartburn.'),
          li('Diarree.', 'Diarrhoea.'),
          li('Pijn in spieren, botten of gewrichten.', 'Pain in muscles, bones or joints.'),
          li('Hoofdpijn of huiduitslag.', 'Headache or a rash.'),
          li(
            'Een paar dagen een grieperig gevoel, vooral na de eerste keer. Bijvoorbeeld koorts, rillen en pijn in spieren en botten.',
            'Feeling as if you have flu for a few days, mostly after the first dose. For example fever, shivers and aching muscles and bones.',
          ),
        ),
        p(
          'Hebt u er last van? Stop dan niet zelf. Praat erover met uw arts of apotheker.',
          'Are they bothering you? Do not stop on your own. Talk about it with your doctor or pharmacist.',
        ),
        CALL_AT_ONCE,
        list(
          li('Bij de tablet: pijn of moeite bij het slikken.', 'With the tablet: pain or trouble when you swallow.'),
          li(
            'Bij de tablet: pijn achter uw borstbeen, of zuurbranden dat nieuw is of erger wordt.',
            'With the tablet: pain behind your breastbone, or heartburn that is new or getting worse.',
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
          'Stop nooit zelf met dit medicijn. Sla ook geen prik over. Uw botten hebben het nodig, ook als u er niets van merkt.',
          'Never stop this medicine on your own, and do not skip an injection. Your bones need it, even if you notice nothing.',
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
          'Neemt u de tablet? Neem calcium dan niet tegelijk. Calcium houdt het medicijn tegen. Neem calcium later op de dag, bijvoorbeeld bij het avondeten.',
          'Do you take the tablet? Then do not take calcium at the same time. Calcium stops the medicine from being taken up. Take calcium later in the day, for example with your evening meal.',
        ),
      ],
    },
  ],
  sources: ['SMPC-ibandronic-acid', 'NIV-2022', 'LEAFLET-HOSPITAL', 'PATHWAY-UMC'],
  checked: CHECKED,
};
