// Preventing falls at home, and what to do after a fall.
import type { LearnPage } from '../learn.types.js';

export const FALLS_PAGE: LearnPage = {
  slug: 'falls',
  group: 'living',
  title: { nl: 'Vallen voorkomen', en: 'Preventing falls' },
  summary: {
    nl: 'Met broze botten kan een val een breuk geven. Met een paar kleine dingen maakt u uw huis veiliger.',
    en: 'With fragile bones a fall can cause a fracture. A few small changes make your home safer.',
  },
  sections: [
    {
      id: 'why-falls-matter',
      heading: { nl: 'Waarom vallen ertoe doet', en: 'Why falls matter' },
      blocks: [
        { kind: 'p', text: { nl: 'De meeste breuken komen door een val. Minder vallen betekent dus minder breuken.', en: 'Most fractures come from a fall. So fewer falls means fewer fractures.' } },
        { kind: 'p', text: { nl: 'Daarom vragen we of u het afgelopen jaar bent gevallen. En of u bang bent om te vallen.', en: 'That is why we ask whether you fell in the past year. And whether you are afraid of falling.' } },
      ],
    },
    {
      id: 'at-home',
      heading: { nl: 'Een veilig huis', en: 'A safe home' },
      blocks: [
        { kind: 'picture', picture: 'safe-home', alt: { nl: 'Vier plaatjes: een lamp voor goed licht, een trap met een leuning, een goede schoen en een los kleedje dat is doorgestreept.', en: 'Four pictures: a lamp for good light, stairs with a handrail, a good shoe and a loose rug that is crossed out.' } },
        {
          kind: 'list',
          items: [
            { nl: 'Zorg voor goed licht, ook op de trap.', en: 'Make sure there is good light, also on the stairs.' },
            { nl: 'Haal losse kleedjes weg. Ook snoeren op de vloer.', en: 'Take away loose rugs. Cables on the floor too.' },
            { nl: 'Houd de vloer vrij en droog.', en: 'Keep the floor clear and dry.' },
            { nl: 'Draag schoenen die goed passen, met een stevige zool. Loop niet op sloffen of sokken.', en: 'Wear shoes that fit well, with a firm sole. Do not walk in slippers or socks.' },
            { nl: 'Houd u vast aan een leuning op de trap.', en: 'Hold on to a handrail on the stairs.' },
            { nl: 'Zet wat u vaak pakt op een plek die u makkelijk haalt.', en: 'Put the things you use often where you can reach them easily.' },
          ],
        },
      ],
    },
    {
      id: 'at-night',
      heading: { nl: 'In de nacht', en: 'At night' },
      blocks: [
        { kind: 'p', text: { nl: 'Veel mensen vallen als ze ’s nachts naar de wc gaan. Zet een lampje aan bij het bed of in de gang.', en: 'Many people fall when they go to the toilet at night. Keep a small lamp on by the bed or in the hall.' } },
        { kind: 'p', text: { nl: 'Sta rustig op. Ga eerst even op de rand van het bed zitten.', en: 'Get up slowly. First sit on the edge of the bed for a moment.' } },
      ],
    },
    {
      id: 'your-body',
      heading: { nl: 'Uw lijf en uw medicijnen', en: 'Your body and your medicines' },
      blocks: [
        { kind: 'p', text: { nl: 'Sterke spieren en een goed evenwicht helpen het meest. Oefenen helpt, ook als u al wat ouder bent.', en: 'Strong muscles and good balance help most. Practice helps, even when you are older.' } },
        { kind: 'p', text: { nl: 'Laat uw ogen nakijken als u minder goed ziet.', en: 'Have your eyes checked if you see less well.' } },
        { kind: 'p', text: { nl: 'Sommige medicijnen maken u suf of duizelig. Vraag uw arts of apotheek of dat voor u geldt.', en: 'Some medicines make you drowsy or dizzy. Ask your doctor or pharmacist whether that applies to you.' } },
      ],
    },
    {
      id: 'after-a-fall',
      heading: { nl: 'Bent u gevallen?', en: 'Did you fall?' },
      blocks: [
        { kind: 'p', text: { nl: 'Vertel het altijd aan uw arts of verpleegkundige. Ook als er niets is gebroken.', en: 'Always tell your doctor or nurse. Even when nothing broke.' } },
        { kind: 'p', text: { nl: 'Bent u twee keer of vaker gevallen in een jaar? Of kon u niet zelf opstaan? Dan kijken we samen wat de oorzaak is.', en: 'Did you fall two or more times in a year? Or could you not get up by yourself? Then we look together at the cause.' } },
      ],
    },
  ],
  sources: ['WFG-2022', 'NHG-2024', 'LEAFLET-HOSPITAL', 'LEAFLET-PHYSIO'],
  checked: '2026-12-07',
};
