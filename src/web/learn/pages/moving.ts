// Moving and loading the bones: how much, which kind, and starting gently after a fracture.
import type { LearnPage } from '../learn.types.js';

export const MOVING_PAGE: LearnPage = {
  slug: 'moving',
  group: 'living',
  title: { nl: 'Bewegen voor sterke botten', en: 'Moving for strong bones' },
  summary: {
    nl: 'Bot wordt sterker als u het gebruikt. Beweeg elke dag een half uur. Dat mag ook in stukjes.',
    en: 'Bone gets stronger when you use it. Move for half an hour every day. You may do it in parts.',
  },
  sections: [
    {
      id: 'why-move',
      heading: { nl: 'Waarom bewegen helpt', en: 'Why moving helps' },
      blocks: [
        { kind: 'p', text: { nl: 'Bot houdt van werk. Als u op uw benen staat en loopt, drukt uw gewicht op uw botten. Dat zet het bot aan om sterk te blijven.', en: 'Bone likes work. When you stand and walk, your weight presses on your bones. That tells the bone to stay strong.' } },
        { kind: 'p', text: { nl: 'Bewegen maakt ook uw spieren sterker. En u houdt beter uw evenwicht. Zo valt u minder snel.', en: 'Moving also makes your muscles stronger. And your balance gets better. So you fall less easily.' } },
      ],
    },
    {
      id: 'how-much',
      heading: { nl: 'Hoeveel bewegen?', en: 'How much to move?' },
      blocks: [
        { kind: 'p', text: { nl: 'Beweeg elke dag minstens 30 minuten. U hoeft dat niet in één keer te doen.', en: 'Move at least 30 minutes every day. You do not have to do it all at once.' } },
        { kind: 'p', text: { nl: 'Drie keer 10 minuten telt ook. Bijvoorbeeld ’s ochtends een stukje lopen, ’s middags de trap op en ’s avonds nog een rondje.', en: 'Three times 10 minutes counts too. For example a short walk in the morning, the stairs in the afternoon and another walk in the evening.' } },
        { kind: 'picture', picture: 'movement', alt: { nl: 'Drie klokjes van 10 minuten met een plusteken ertussen. Samen is dat 30 minuten per dag.', en: 'Three clocks of 10 minutes with a plus sign between them. Together that is 30 minutes a day.' } },
      ],
    },
    {
      id: 'loading',
      heading: { nl: 'Bewegen dat uw botten belast', en: 'Moving that loads your bones' },
      blocks: [
        { kind: 'p', text: { nl: 'Het beste is bewegen waarbij u uw eigen gewicht draagt. Uw botten krijgen dan echt iets te doen.', en: 'The best is moving while you carry your own weight. Then your bones really have something to do.' } },
        {
          kind: 'list',
          items: [
            { nl: 'Stevig wandelen', en: 'Walking at a brisk pace' },
            { nl: 'Traplopen', en: 'Taking the stairs' },
            { nl: 'Dansen', en: 'Dancing' },
            { nl: 'Oefeningen voor kracht, zoals opstaan uit een stoel zonder handen', en: 'Exercises for strength, such as getting up from a chair without your hands' },
            { nl: 'Oefeningen voor evenwicht, zoals even op één been staan bij het aanrecht', en: 'Exercises for balance, such as standing on one leg for a moment at the kitchen counter' },
          ],
        },
      ],
    },
    {
      id: 'after-a-fracture',
      heading: { nl: 'Na een breuk: rustig beginnen', en: 'After a fracture: start gently' },
      blocks: [
        { kind: 'p', text: { nl: 'Kort na een breuk begint u rustig. Fietsen en zwemmen zijn dan goed. Ze zijn licht voor uw lijf.', en: 'Shortly after a fracture you start gently. Cycling and swimming are good then. They are light on your body.' } },
        { kind: 'p', text: { nl: 'Bouw daarna langzaam op. Doe elke week een beetje meer. Pijn is een teken om wat gas terug te nemen.', en: 'Then build up slowly. Do a little more each week. Pain is a sign to slow down a bit.' } },
        { kind: 'p', text: { nl: 'Een fysiotherapeut of oefentherapeut kan u helpen. Die maakt een plan dat bij u past. Vraag uw arts of dat voor u zinvol is.', en: 'A physiotherapist or exercise therapist can help you. They make a plan that suits you. Ask your doctor whether that makes sense for you.' } },
      ],
    },
    {
      id: 'take-care',
      heading: { nl: 'Zo spaart u uw rug', en: 'How to spare your back' },
      blocks: [
        { kind: 'p', text: { nl: 'Buig niet diep voorover met een bolle rug. Zak liever door uw knieën.', en: 'Do not bend far forward with a rounded back. Bend your knees instead.' } },
        { kind: 'p', text: { nl: 'Draai niet met uw romp terwijl u iets tilt. Draai liever met uw voeten mee.', en: 'Do not twist your body while you lift something. Turn your feet instead.' } },
      ],
    },
  ],
  sources: ['NIV-2022', 'GUIDE-EXERCISE', 'LEAFLET-PHYSIO', 'LEAFLET-HOSPITAL'],
  checked: '2026-12-07',
};
