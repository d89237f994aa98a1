// From a fracture at 50 or older to the care pathway, and what the day of the tests holds.
import type { LearnPage } from '../learn.types.js';

export const PATHWAY_PAGE: LearnPage = {
  slug: 'pathway',
  group: 'bones',
  title: { nl: 'Na een botbreuk: het onderzoek naar uw botten', en: 'After a fracture: the tests of your bones' },
  summary: {
    nl: 'Brak u na uw 50e een bot? Dan kijken we of uw botten broos zijn. Alle onderzoeken zijn op één dag.',
    en: 'Did you break a bone after the age of 50? Then we check if your bones are fragile. All tests take place on one day.',
  },
  sections: [
    {
      id: 'fracture-after-50',
      heading: { nl: 'Waarom u een uitnodiging krijgt', en: 'Why you get an invitation' },
      blocks: [
        { kind: 'p', text: { nl: 'U hebt een bot gebroken en u bent 50 jaar of ouder. Dan kan broos bot de oorzaak zijn. Daarom nodigen we u uit voor onderzoek.', en: 'You broke a bone and you are 50 or older. Then fragile bone may be the cause. That is why we invite you for tests.' } },
        { kind: 'p', text: { nl: 'Dit geldt voor een breuk in de afgelopen twee jaar. Een breuk in de rug telt altijd mee, ook als die ouder is.', en: 'This counts for a fracture in the past two years. A fracture in the back always counts, even when it is older.' } },
        { kind: 'p', text: { nl: 'Sommige breuken tellen niet mee. Bijvoorbeeld een breuk door een zwaar ongeluk, zoals met de auto. Ook een gebroken vinger, teen, schedel, gezicht of nek telt niet mee.', en: 'Some fractures do not count. For example a fracture from a serious accident, such as with a car. A broken finger, toe, skull, face or neck does not count either.' } },
        { kind: 'p', text: { nl: 'Een nieuwe breuk voorkomen: daar gaat het om. Wie één breuk heeft gehad, heeft meer kans op een volgende.', en: 'Preventing a new fracture: that is what it is about. If you have had one fracture, you are more likely to have another.' } },
      ],
    },
    {
      id: 'before-the-day',
      heading: { nl: 'Voor de onderzoeksdag', en: 'Before the day of the tests' },
      blocks: [
        { kind: 'p', text: { nl: 'U krijgt eerst een paar vragenlijsten. U vult ze thuis in, op papier of in Botpad.', en: 'First you get a few questionnaires. You fill them in at home, on paper or in Botpad.' } },
        { kind: 'p', text: { nl: 'De vragen gaan over eerdere breuken, vallen, uw medicijnen en wat u eet en drinkt. Zo weet het team al veel als u komt.', en: 'The questions are about earlier fractures, falls, your medicines and what you eat and drink. So the team already knows a lot when you come.' } },
        { kind: 'p', text: { nl: 'U krijgt ook een bak mee voor uw plas. U vangt 24 uur lang al uw plas op. Dat heet 24-uursurine.', en: 'You also get a container for your urine. You collect all your urine for 24 hours. This is called a 24-hour urine sample.' } },
      ],
    },
    {
      id: 'diagnostic-day',
      heading: { nl: 'Wat er op de onderzoeksdag gebeurt', en: 'What happens on the day of the tests' },
      blocks: [
        {
          kind: 'list',
          items: [
            { nl: 'Botscan (DXA): u ligt even stil op een tafel. Een arm van het apparaat gaat over u heen. Zo meten we hoe stevig uw heup en onderrug zijn.', en: 'Bone scan (DXA): you lie still on a table for a short time. An arm of the machine moves over you. It measures how strong your hip and lower back are.' },
            { nl: 'Foto van de rug (VFA): met hetzelfde apparaat maken we een foto van de zijkant van uw rug. Zo zien we of er een wervel is ingezakt.', en: 'Picture of the back (VFA): with the same machine we take a picture of the side of your spine. It shows whether a bone of the spine has sunk in.' },
            { nl: 'Bloed: we kijken onder meer naar calcium, uw nieren, uw schildklier en vitamine D.', en: 'Blood: we look at calcium, your kidneys, your thyroid and vitamin D, among other things.' },
            { nl: 'Plas: u brengt de bak met 24-uursurine mee. Daarin meten we hoeveel calcium u kwijtraakt.', en: 'Urine: you bring the container with your 24-hour urine. We measure how much calcium you lose.' },
          ],
        },
        { kind: 'p', text: { nl: 'De scan doet geen pijn. De straling is heel laag.', en: 'The scan does not hurt. The radiation is very low.' } },
      ],
    },
    {
      id: 'conversation',
      heading: { nl: 'Het gesprek over de uitslag', en: 'The talk about the results' },
      blocks: [
        { kind: 'p', text: { nl: 'Aan het eind van de dag hebt u een gesprek met de arts of verpleegkundige. U hoort dan de uitslagen.', en: 'At the end of the day you talk with the doctor or nurse. You then hear the results.' } },
        { kind: 'p', text: { nl: 'Samen maakt u een plan. Dat gaat over bewegen, eten, vallen voorkomen en soms een medicijn.', en: 'Together you make a plan. It is about moving, food, preventing falls and sometimes a medicine.' } },
        { kind: 'p', text: { nl: 'Neem gerust iemand mee. Twee horen meer dan één. Schrijf uw vragen van tevoren op.', en: 'Feel free to bring someone. Two people hear more than one. Write down your questions beforehand.' } },
      ],
    },
    {
      id: 'after-the-day',
      heading: { nl: 'Na de onderzoeksdag', en: 'After the day of the tests' },
      blocks: [
        { kind: 'p', text: { nl: 'Krijgt u een medicijn? Dan is er na 3 maanden een controle. Daarna elk jaar.', en: 'Do you get a medicine? Then there is a check after 3 months. After that, once a year.' } },
        { kind: 'p', text: { nl: 'Uw huisarts krijgt een brief met de uitslag en het plan. Later kan de huisarts de zorg vaak overnemen.', en: 'Your GP gets a letter with the results and the plan. Later the GP can often take over your care.' } },
      ],
    },
  ],
  sources: ['NIV-2022', 'NHG-2012', 'NHG-2024', 'PATHWAY-UMC', 'LEAFLET-HOSPITAL'],
  checked: '2026-12-07',
};
