// Raloxifene 60 mg daily, any time of day (clinical-rules §7, §8; SMPC-raloxifene). Only for women
// after the menopause and never after a blood clot (vte-history blocks it).
import type { LearnPage } from '../../learn.types.js';
import {
  ALLERGY, CALCIUM_1000, CALCIUM_TABLETS, CALL_AT_ONCE, CHECKED, FOLLOW_UP, VITAMIN_D_20, li, list, p,
} from './parts.js';

export const raloxifene: LearnPage = {
  slug: 'medicine-raloxifene',
  drug: 'raloxifene',
  group: 'medicines',
  title: { nl: 'Raloxifeen', en: 'Raloxifene' },
  summary: {
    nl: 'Een tablet die u elke dag neemt, voor vrouwen na de overgang. Het maakt vooral de wervels in uw rug steviger.',
    en: 'A tablet you take every day, for women after the menopause. It mainly makes the bones of your spine stronger.',
  },
  sections: [
    {
      id: 'what',
      heading: { nl: 'Wat doet dit medicijn?', en: 'What does this medicine do?' },
      blocks: [
        p(
          'Na de overgang maakt uw lichaam weinig oestrogeen meer. Oestrogeen is een vrouwelijk hormoon. Zonder dat hormoon breekt bot sneller af.',
          'After the menopause your body makes little oestrogen. Oestrogen is a female hormone. Without it, bone breaks down faster.',
        ),
        p(
          'Raloxifeen werkt op het bot een beetje zoals oestrogeen. Zo remt het het afbreken. Vooral de wervels in uw rug breken dan minder snel.',
          'Raloxifene acts on bone a little like oestrogen. That way it slows the breaking down. Above all the bones of your spine are then less likely to break.',
        ),
        p(
          'Het is geen hormoonpil. Tegen opvliegers helpt het niet. Het kan ze juist geven.',
          'It is not a hormone pill. It does not help against hot flushes. It can even cause them.',
        ),
      ],
    },
    {
      id: 'how',
      heading: { nl: 'Hoe neemt u het?', en: 'How do you take it?' },
      blocks: [
        p(
          'U neemt elke dag één tablet van 60 mg. Het maakt niet uit hoe laat. U mag er ook bij eten.',
          'You take one 60 mg tablet every day. It does not matter at what time. You may also eat with it.',
        ),
        p(
          'Neem hem wel elke dag rond dezelfde tijd. Dan vergeet u hem minder snel.',
          'Do take it at about the same time every day. Then you are less likely to forget it.',
        ),
        p(
          'Vergeten? Neem hem dan alsnog zodra u eraan denkt. Ga daarna gewoon door. Neem nooit twee tabletten om er een in te halen.',
          'Forgot? Take it as soon as you remember. Then carry on as usual. Never take two tablets to make up for one.',
        ),
        p(
          'Dit medicijn geeft wat meer kans op een bloedprop in een ader. Had u ooit zo’n bloedprop? Dan krijgt u het niet.',
          'This medicine gives a little more chance of a blood clot in a vein. Have you ever had such a clot? Then you do not get it.',
        ),
        p(
          'Moet u lang stil liggen, bijvoorbeeld na een operatie? Vertel dat de arts op tijd. Soms moet u dan even stoppen. Doe dat alleen als de arts het zegt.',
          'Will you have to lie still for a long time, for example after an operation? Tell your doctor in good time. Sometimes you then need to stop for a while. Only do so when the doctor says so.',
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
        FOLLOW_UP,
      ],
    },
    {
      id: 'side-effects',
      heading: { nl: 'Bijwerkingen', en: 'Side effects' },
      blocks: [
        p(
          'De meeste vrouwen kunnen dit medicijn goed gebruiken. Deze klachten komen wel eens voor:',
          'Most women can use this medicine well. These complaints do happen now and then:',
        ),
        list(
          li('Opvliegers: het ineens warm krijgen.', 'Hot flushes: suddenly feeling hot.'),
          li('Krampen in uw benen.', 'Cramps in your legs.'),
          li('Dikke enkels, voeten of handen.', 'Swollen ankles, feet or hands.'),
          li('Een grieperig gevoel of hoofdpijn.', 'Feeling as if you have flu, or a headache.'),
        ),
        p(
          'Hebt u er last van? Stop dan niet zelf. Praat erover met uw arts of apotheker.',
          'Are they bothering you? Do not stop on your own. Talk about it with your doctor or pharmacist.',
        ),
        CALL_AT_ONCE,
        list(
          li(
            'Eén been dat dik, pijnlijk, warm of rood wordt. Dit kan een bloedprop zijn.',
            'One leg that gets swollen, painful, warm or red. This can be a blood clot.',
          ),
          ALLERGY,
        ),
        p(
          'Verliest u onverwacht bloed uit de vagina? Ga dan naar uw huisarts. Dat moet altijd worden uitgezocht.',
          'Do you have unexpected bleeding from the vagina? Then see your GP. It always needs to be looked into.',
        ),
        p('Bel meteen 112 bij:', 'Call 112 at once with:'),
        list(
          li(
            'Ineens benauwd zijn, pijn op de borst, of bloed ophoesten.',
            'Sudden shortness of breath, chest pain, or coughing up blood.',
          ),
          li(
            'Een scheve mond, een slappe arm of been, of ineens moeite met praten.',
            'A drooping mouth, a weak arm or leg, or suddenly trouble speaking.',
          ),
          li('Ineens slecht zien met één oog.', 'Suddenly seeing badly with one eye.'),
        ),
      ],
    },
    {
      id: 'teeth',
      heading: { nl: 'Uw tanden en uw kaak', en: 'Your teeth and your jaw' },
      blocks: [
        p(
          'Voor zover bekend geeft raloxifeen geen extra kans op een ontsteking van het kaakbot. Er zijn dus geen extra regels voor de tandarts.',
          'As far as is known, raloxifene gives no extra chance of an inflamed jawbone. So there are no extra rules for the dentist.',
        ),
        p(
          'Poets wel goed en ga op controle zoals altijd. Zeg de tandarts welke medicijnen u hebt.',
          'Do brush well and go for check-ups as usual. Tell your dentist which medicines you use.',
        ),
      ],
    },
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
          'U mag calcium en vitamine D tegelijk met de tablet nemen.',
          'You may take calcium and vitamin D at the same time as the tablet.',
        ),
      ],
    },
  ],
  sources: ['SMPC-raloxifene', 'NIV-2022', 'LEAFLET-HOSPITAL', 'PATHWAY-UMC'],
  checked: CHECKED,
};
