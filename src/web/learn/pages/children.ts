// For parents of children with severe multiple disabilities (EMB): why their bones get weak and
// what helps (clinical-rules §9, §12; LEAFLET-EMB, GR-2012, GR-CALCIUM). The shares by mobility
// come from adults and the page says so.
import type { LearnPage } from '../learn.types.js';
import { CHECKED, li, list, p } from './text-blocks.js';

export const childrenEmb: LearnPage = {
  slug: 'children-emb',
  group: 'children',
  title: {
    nl: 'Sterke botten bij kinderen met een ernstige meervoudige beperking',
    en: 'Strong bones in children with severe multiple disabilities',
  },
  summary: {
    nl: 'Voor ouders van een kind dat weinig of niet staat of loopt. Waarom de botten zwak kunnen worden, wat helpt, en hoe u een breuk herkent.',
    en: 'For parents of a child who hardly stands or walks, or not at all. Why the bones can get weak, what helps, and how to spot a fracture.',
  },
  sections: [
    {
      id: 'why',
      heading: { nl: 'Waarom worden de botten zwak?', en: 'Why do the bones get weak?' },
      blocks: [
        p(
          'Botten worden sterk als ze gewicht dragen. Bij staan en lopen drukt het gewicht van het lichaam op de botten. Daar groeien ze stevig van.',
          'Bones grow strong when they carry weight. When someone stands and walks, the body’s weight presses on the bones. That makes them grow sturdy.',
        ),
        p(
          'Een kind dat weinig of niet staat of loopt, mist die druk. De botten blijven dan dun en breken sneller.',
          'A child who hardly stands or walks, or not at all, misses that pressure. The bones then stay thin and break more easily.',
        ),
        p(
          'Hoe minder iemand zelf loopt, hoe vaker de botten te zwak zijn. Dat zagen onderzoekers bij mensen boven de 50 met een verstandelijke beperking:',
          'The less someone walks on their own, the more often the bones are too weak. Researchers saw this in people over 50 with an intellectual disability:',
        ),
        list(
          li('In een rolstoel: 75 % had te zwakke botten.', 'In a wheelchair: 75 % had bones that were too weak.'),
          li('Lopen met een hulpmiddel: 65 % had te zwakke botten.', 'Walking with an aid: 65 % had bones that were too weak.'),
          li('Zelf lopen: 40 % had te zwakke botten.', 'Walking on their own: 40 % had bones that were too weak.'),
        ),
        p(
          'Let op: dit zijn cijfers van volwassenen, niet van kinderen. Ze laten wel zien hoeveel staan en lopen uitmaakt.',
          'Note: these are figures from adults, not from children. But they do show how much standing and walking matter.',
        ),
        p('Deze dingen maken de kans op zwakke botten groter:', 'These things make weak bones more likely:'),
        list(
          li('Weinig buiten komen, zodat het lichaam weinig vitamine D maakt.', 'Going outside little, so the body makes little vitamin D.'),
          li('Te weinig calcium, bijvoorbeeld omdat eten moeilijk gaat.', 'Too little calcium, for example because eating is hard.'),
          li('Een laag gewicht.', 'A low weight.'),
          li(
            'Medicijnen tegen epilepsie, of prednison en middelen die daarop lijken.',
            'Medicines for epilepsy, or prednisone and medicines like it.',
          ),
        ),
        p(
          'Zwakke botten doen meestal geen pijn. Vaak merkt u het pas als er iets breekt.',
          'Weak bones usually do not hurt. Often you only find out when something breaks.',
        ),
      ],
    },
    {
      id: 'loading',
      heading: { nl: 'Elke dag staan en bewegen', en: 'Standing and moving every day' },
      blocks: [
        p(
          'Vanaf 2 jaar is het goed als uw kind elke dag gewicht op de benen zet. Dat mag met hulp.',
          'From the age of 2 it is good for your child to put weight on their legs every day. Help is fine.',
        ),
        p(
          'Dat kan in een statafel of met een loophulpmiddel. In een statafel staat uw kind veilig rechtop, met steun.',
          'This can be in a standing frame or with a walking aid. In a standing frame your child stands upright safely, with support.',
        ),
        {
          kind: 'picture',
          picture: 'child-standing',
          alt: {
            nl: 'Een kind staat rechtop in een statafel. Banden bij de knieën, heupen en borst geven steun. Op het blad ligt speelgoed.',
            en: 'A child stands upright in a standing frame. Straps at the knees, hips and chest give support. There is a toy on the tray.',
          },
          caption: { nl: 'Elke dag staan, met steun waar het nodig is.', en: 'Standing every day, with support where needed.' },
        },
        p(
          'Ook ander bewegen is goed, als de spieren maar werken. Probeer elke dag 30 tot 60 minuten te bewegen.',
          'Other movement is good too, as long as the muscles work. Try to move for 30 to 60 minutes every day.',
        ),
        p(
          'Vraag de fysiotherapeut wat uw kind kan en wat het leuk vindt. Samen maakt u een plan dat past.',
          'Ask the physiotherapist what your child can do and enjoys. Together you make a plan that fits.',
        ),
      ],
    },
    {
      id: 'vitamin-d',
      heading: { nl: 'Vitamine D', en: 'Vitamin D' },
      blocks: [
        p(
          'Vitamine D helpt het lichaam om calcium op te nemen. De huid maakt vitamine D als er daglicht op valt.',
          'Vitamin D helps the body take up calcium. The skin makes vitamin D when daylight falls on it.',
        ),
        p(
          'Geef elke dag 10 µg vitamine D als een van deze dingen geldt. Dat is 10 microgram, of 400 IE.',
          'Give 10 µg of vitamin D every day if one of these applies. That is 10 micrograms, or 400 IU.',
        ),
        list(
          li('Uw kind is jonger dan 4 jaar.', 'Your child is younger than 4.'),
          li('Uw kind gebruikt een medicijn tegen epilepsie.', 'Your child takes a medicine for epilepsy.'),
          li('Uw kind komt weinig buiten of in het daglicht.', 'Your child is rarely outside or in daylight.'),
        ),
        p(
          'Gebruikt uw kind meer dan één medicijn tegen epilepsie? Vraag de arts dan of uw kind meer vitamine D nodig heeft.',
          'Does your child take more than one medicine for epilepsy? Then ask the doctor whether your child needs more vitamin D.',
        ),
        p(
          'Geef niet meer dan de arts adviseert. Meer vitamine D is niet altijd beter.',
          'Do not give more than the doctor advises. More vitamin D is not always better.',
        ),
      ],
    },
    {
      id: 'calcium',
      heading: { nl: 'Calcium en eten', en: 'Calcium and food' },
      blocks: [
        p(
          'Calcium is de bouwstof van bot. Het zit vooral in melk, yoghurt en kaas.',
          'Calcium is what bone is built from. It is mainly in milk, yoghurt and cheese.',
        ),
        p('Zoveel calcium heeft een kind per dag nodig:', 'This much calcium a child needs each day:'),
        list(
          li('Van 1 tot en met 3 jaar: 500 mg.', 'From 1 to 3 years: 500 mg.'),
          li('Van 4 tot en met 8 jaar: 700 mg.', 'From 4 to 8 years: 700 mg.'),
          li(
            'Van 9 tot en met 17 jaar: 1100 mg voor meisjes en 1200 mg voor jongens.',
            'From 9 to 17 years: 1100 mg for girls and 1200 mg for boys.',
          ),
        ),
        p(
          'Een glas melk van 150 ml geeft ongeveer 180 mg. Een plak kaas van 20 gram geeft ongeveer 160 mg.',
          'A 150 ml glass of milk gives about 180 mg. A 20 gram slice of cheese gives about 160 mg.',
        ),
        p(
          'Gaat eten en drinken moeilijk? Vraag de arts of diëtist of uw kind genoeg calcium krijgt. Geef extra calcium alleen als de arts dat zegt.',
          'Is eating and drinking hard? Ask the doctor or dietitian whether your child gets enough calcium. Only give extra calcium when the doctor says so.',
        ),
        p(
          'Let ook op het gewicht. Een gezond gewicht is goed voor de botten. Te licht is niet goed.',
          'Watch the weight as well. A healthy weight is good for the bones. Too light is not good.',
        ),
      ],
    },
    {
      id: 'aids',
      heading: { nl: 'Hulpmiddelen die meegroeien', en: 'Aids that grow with your child' },
      blocks: [
        p(
          'Kinderen groeien snel. Een statafel of loophulpmiddel dat vorig jaar goed paste, kan nu te klein zijn.',
          'Children grow fast. A standing frame or walking aid that fitted well last year may now be too small.',
        ),
        p(
          'Past het niet goed, dan staat uw kind minder goed of minder graag.',
          'If it does not fit well, your child stands less well or less willingly.',
        ),
        p(
          'Laat de fysiotherapeut de hulpmiddelen elke 6 maanden nakijken. Is uw kind 3 cm of meer gegroeid? Laat ze dan eerder nakijken.',
          'Have the physiotherapist check the aids every 6 months. Has your child grown 3 cm or more? Then have them checked sooner.',
        ),
      ],
    },
    {
      id: 'fracture-signs',
      heading: { nl: 'Een breuk herkennen', en: 'Spotting a fracture' },
      blocks: [
        p(
          'Bij zwakke botten kan een breuk ontstaan door iets kleins. Een stoot of een draai bij het aankleden is soms genoeg. Soms merkt u niet eens hoe het kwam.',
          'With weak bones a small thing can cause a fracture. A knock or a twist while dressing is sometimes enough. Sometimes you do not even notice how it happened.',
        ),
        p(
          'Een kind dat niet kan praten, kan niet zeggen dat iets pijn doet. Let daarom op deze tekenen:',
          'A child who cannot talk cannot tell you that something hurts. So watch for these signs:',
        ),
        list(
          li('Een arm of been wordt dik.', 'An arm or leg swells.'),
          li('Uw kind houdt een arm of been anders dan normaal.', 'Your child holds an arm or leg differently than usual.'),
          li('Pijn bij bewegen, bij aankleden of bij verschonen.', 'Pain when moved, dressed or changed.'),
          li('Huilen als u uw kind aanraakt of optilt.', 'Crying when you touch or lift your child.'),
          li('Uw kind wil een arm of been niet gebruiken.', 'Your child does not want to use an arm or leg.'),
          li('Uw kind is onrustig of anders dan anders.', 'Your child is restless or not their usual self.'),
        ),
        p(
          'Ziet u zo’n teken? Bel dan dezelfde dag de huisarts of de arts van uw kind. Wacht niet af of het vanzelf overgaat.',
          'Do you see such a sign? Call the GP or your child’s doctor the same day. Do not wait to see if it passes.',
        ),
        p(
          'Beweeg de arm of het been tot dan zo weinig mogelijk. Til en verschoon uw kind heel voorzichtig.',
          'Until then, move the arm or leg as little as you can. Lift and change your child very gently.',
        ),
        p(
          'Vertel ook school, het dagcentrum en de oppas op welke tekenen ze moeten letten.',
          'Also tell the school, the day centre and the babysitter which signs to watch for.',
        ),
      ],
    },
  ],
  sources: ['LEAFLET-EMB', 'GR-2012', 'GR-CALCIUM'],
  checked: CHECKED,
};

export const CHILDREN_PAGES: LearnPage[] = [childrenEmb];
