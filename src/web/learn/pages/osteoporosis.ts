// What osteoporosis and osteopenia are, and what the T-score says.
import type { LearnPage } from '../learn.types.js';

export const OSTEOPOROSIS_PAGE: LearnPage = {
  slug: 'osteoporosis',
  group: 'bones',
  title: { nl: 'Wat is osteoporose?', en: 'What is osteoporosis?' },
  summary: {
    nl: 'Bij osteoporose zijn uw botten minder stevig. Ze breken dan sneller. Hier leest u wat dat is en wat u eraan kunt doen.',
    en: 'With osteoporosis your bones are less strong. They break more easily. Here you read what it is and what you can do about it.',
  },
  sections: [
    {
      id: 'bone-is-alive',
      heading: { nl: 'Bot leeft', en: 'Bone is alive' },
      blocks: [
        { kind: 'p', text: { nl: 'Uw botten zijn niet dood en hard als steen. Ze leven. Uw lijf breekt elke dag een stukje oud bot af. Het bouwt ook nieuw bot op.', en: 'Your bones are not dead and hard like stone. They are alive. Every day your body takes away a little old bone. It also builds new bone.' } },
        { kind: 'p', text: { nl: 'Tot ongeveer uw dertigste bouwt u meer op dan u afbreekt. Daarna gaat het langzaam de andere kant op. Dat hoort bij ouder worden.', en: 'Until about the age of thirty you build more than you lose. After that it slowly goes the other way. That is part of growing older.' } },
      ],
    },
    {
      id: 'what-is-osteoporosis',
      heading: { nl: 'Osteoporose: broze botten', en: 'Osteoporosis: fragile bones' },
      blocks: [
        { kind: 'p', text: { nl: 'Bij osteoporose gaat er te veel bot verloren. Het bot wordt dun en krijgt grote gaten. Een ander woord is botontkalking.', en: 'With osteoporosis too much bone is lost. The bone gets thin and has large holes. Another word for it is bone loss.' } },
        { kind: 'picture', picture: 'bone', alt: { nl: 'Twee stukjes bot naast elkaar. Links gezond bot met veel dikke balkjes. Rechts broos bot met weinig dunne balkjes en grote gaten.', en: 'Two pieces of bone side by side. On the left healthy bone with many thick struts. On the right fragile bone with few thin struts and large holes.' }, caption: { nl: 'Gezond bot en broos bot, van binnen bekeken.', en: 'Healthy bone and fragile bone, seen from the inside.' } },
        { kind: 'p', text: { nl: 'U voelt zelf niets van osteoporose. Vaak merkt u het pas als er iets breekt. Soms is dat na een kleine val.', en: 'You do not feel osteoporosis yourself. Often you only notice it when a bone breaks. Sometimes that happens after a small fall.' } },
        { kind: 'p', text: { nl: 'Een breuk kan ook in de rug zitten. Een wervel zakt dan in. U wordt wat kleiner of krijgt rugpijn.', en: 'A fracture can also be in the back. A bone of the spine then sinks in. You get a little shorter or have back pain.' } },
      ],
    },
    {
      id: 'osteopenia',
      heading: { nl: 'Osteopenie: iets minder stevig', en: 'Osteopenia: a little less strong' },
      blocks: [
        { kind: 'p', text: { nl: 'Bij osteopenie is uw bot minder stevig dan normaal. Maar het is nog geen osteoporose. Het zit er tussenin.', en: 'With osteopenia your bone is less strong than normal. But it is not osteoporosis yet. It is in between.' } },
        { kind: 'p', text: { nl: 'Met osteopenie hebt u meestal geen medicijn nodig. Wel helpt het om veel te bewegen en goed te eten. Ook is het goed om vallen te voorkomen.', en: 'With osteopenia you usually do not need a medicine. But it helps to move a lot and eat well. It is also good to prevent falls.' } },
      ],
    },
    {
      id: 't-score',
      heading: { nl: 'De T-score: hoe stevig uw botten zijn', en: 'The T-score: how strong your bones are' },
      blocks: [
        { kind: 'p', text: { nl: 'Met een botscan meten we hoe stevig uw botten zijn. Die scan heet DXA. Uit de scan komt een getal: de T-score.', en: 'A bone scan measures how strong your bones are. The scan is called DXA. It gives a number: the T-score.' } },
        { kind: 'p', text: { nl: 'De T-score vergelijkt uw bot met het bot van een gezonde jonge volwassene. Hoe lager het getal, hoe brozer het bot.', en: 'The T-score compares your bone with the bone of a healthy young adult. The lower the number, the more fragile the bone.' } },
        { kind: 'picture', picture: 't-score', alt: { nl: 'Een balk met de T-score. Vanaf min 1 en hoger is normaal. Tussen min 1 en min 2,5 is osteopenie. Min 2,5 en lager is osteoporose.', en: 'A bar with the T-score. From minus 1 and higher is normal. Between minus 1 and minus 2.5 is osteopenia. Minus 2.5 and lower is osteoporosis.' } },
        {
          kind: 'list',
          items: [
            { nl: 'Min 1 of hoger: uw bot is normaal.', en: 'Minus 1 or higher: your bone is normal.' },
            { nl: 'Tussen min 1 en min 2,5: u hebt osteopenie.', en: 'Between minus 1 and minus 2.5: you have osteopenia.' },
            { nl: 'Min 2,5 of lager: u hebt osteoporose.', en: 'Minus 2.5 or lower: you have osteoporosis.' },
          ],
        },
        { kind: 'p', text: { nl: 'Hebt u osteoporose en ook een breuk gehad? Dan heet het ernstige osteoporose.', en: 'Do you have osteoporosis and have you also had a fracture? Then it is called severe osteoporosis.' } },
        { kind: 'p', text: { nl: 'Bent u een vrouw die nog niet in de overgang is? Of een man jonger dan 50? Dan kijkt de arts naar een ander getal: de Z-score. Die vergelijkt u met mensen van uw eigen leeftijd.', en: 'Are you a woman who is not yet in the menopause? Or a man under 50? Then the doctor looks at another number: the Z-score. It compares you with people of your own age.' } },
      ],
    },
    {
      id: 'what-you-can-do',
      heading: { nl: 'Wat u zelf kunt doen', en: 'What you can do yourself' },
      blocks: [
        {
          kind: 'list',
          items: [
            { nl: 'Beweeg elke dag een half uur.', en: 'Move for half an hour every day.' },
            { nl: 'Eet en drink genoeg calcium, zoals melk en kaas.', en: 'Eat and drink enough calcium, such as milk and cheese.' },
            { nl: 'Neem vitamine D als dat voor u geldt.', en: 'Take vitamin D if that applies to you.' },
            { nl: 'Maak uw huis veilig, zodat u minder snel valt.', en: 'Make your home safe, so you fall less easily.' },
            { nl: 'Rookt u? Stop dan. Daar helpen wij u graag bij.', en: 'Do you smoke? Then stop. We are glad to help you with that.' },
            { nl: 'Drink niet meer dan 3 glazen alcohol per dag. Minder is beter.', en: 'Drink no more than 3 glasses of alcohol a day. Less is better.' },
          ],
        },
      ],
    },
  ],
  sources: ['NIV-2022', 'NHG-2024', 'WHO-1994', 'ISCD', 'LEAFLET-HOSPITAL'],
  checked: '2026-12-07',
};
