// Calcium from food (the servings and the calculator's idea, the targets by age) and vitamin D with daylight.
import type { LearnPage } from '../learn.types.js';

export const FOOD_PAGE: LearnPage = {
  slug: 'food',
  group: 'living',
  title: { nl: 'Calcium en vitamine D', en: 'Calcium and vitamin D' },
  summary: {
    nl: 'Uw botten hebben calcium nodig. Vitamine D helpt uw lijf om dat calcium op te nemen. Hier leest u hoeveel u nodig hebt.',
    en: 'Your bones need calcium. Vitamin D helps your body take up that calcium. Here you read how much you need.',
  },
  sections: [
    {
      id: 'calcium',
      heading: { nl: 'Calcium: de bouwstof van bot', en: 'Calcium: what bone is made of' },
      blocks: [
        { kind: 'p', text: { nl: 'Bot is voor een groot deel gemaakt van calcium. Krijgt u te weinig binnen? Dan haalt uw lijf het uit uw botten.', en: 'Bone is largely made of calcium. Do you get too little? Then your body takes it from your bones.' } },
        { kind: 'p', text: { nl: 'De meeste calcium zit in melk, yoghurt en kaas. U kunt ook sojadrank nemen waar calcium aan is toegevoegd.', en: 'Most calcium is in milk, yoghurt and cheese. You can also take soy drink with added calcium.' } },
      ],
    },
    {
      id: 'servings',
      heading: { nl: 'Hoeveel calcium zit erin?', en: 'How much calcium is in it?' },
      blocks: [
        { kind: 'p', text: { nl: 'Calcium meten we in milligram (mg). Dit zit er ongeveer in:', en: 'Calcium is measured in milligrams (mg). This is roughly what is in it:' } },
        {
          kind: 'list',
          items: [
            { nl: 'Een glas melk of karnemelk (150 ml): 180 mg', en: 'A glass of milk or buttermilk (150 mL): 180 mg' },
            { nl: 'Een bakje yoghurt, kwark of vla (150 ml): 180 mg', en: 'A bowl of yoghurt, quark or custard (150 mL): 180 mg' },
            { nl: 'Een plak kaas (20 gram): 160 mg', en: 'A slice of cheese (20 grams): 160 mg' },
            { nl: 'Een glas sojadrank met calcium (150 ml): 180 mg', en: 'A glass of soy drink with added calcium (150 mL): 180 mg' },
            { nl: 'Smeerkaas op een boterham (15 gram): 60 mg', en: 'Cheese spread on a slice of bread (15 grams): 60 mg' },
          ],
        },
      ],
    },
    {
      id: 'calculator',
      heading: { nl: 'Zo rekent u het uit', en: 'How to work it out' },
      blocks: [
        { kind: 'p', text: { nl: 'Al het andere eten samen geeft ongeveer 400 mg per dag. Denk aan brood, groente en noten.', en: 'All other food together gives about 400 mg a day. Think of bread, vegetables and nuts.' } },
        { kind: 'p', text: { nl: 'Tel daar uw melk, yoghurt en kaas bij op. Dan weet u hoeveel calcium u per dag krijgt. Zo werkt ook de rekenhulp in Botpad.', en: 'Add your milk, yoghurt and cheese to that. Then you know how much calcium you get each day. The calcium calculator in Botpad works the same way.' } },
        { kind: 'picture', picture: 'calcium-day', alt: { nl: 'Een dag met calcium. Ander eten 400 mg. Twee glazen melk van 180 mg. Een bakje yoghurt van 180 mg. Een plak kaas van 160 mg. Samen 1100 mg.', en: 'A day with calcium. Other food 400 mg. Two glasses of milk of 180 mg. A bowl of yoghurt of 180 mg. A slice of cheese of 160 mg. Together 1100 mg.' }, caption: { nl: 'Een voorbeeld voor een vrouw van 51 tot 69 jaar: zij heeft 1100 mg per dag nodig.', en: 'An example for a woman aged 51 to 69: she needs 1100 mg a day.' } },
      ],
    },
    {
      id: 'targets',
      heading: { nl: 'Hoeveel calcium hebt u nodig?', en: 'How much calcium do you need?' },
      blocks: [
        { kind: 'p', text: { nl: 'Hoeveel u nodig hebt, hangt af van uw leeftijd. Dit is de hoeveelheid per dag:', en: 'How much you need depends on your age. This is the amount per day:' } },
        {
          kind: 'list',
          items: [
            { nl: '1 tot 3 jaar: 500 mg', en: '1 to 3 years: 500 mg' },
            { nl: '4 tot 8 jaar: 700 mg', en: '4 to 8 years: 700 mg' },
            { nl: '9 tot 17 jaar: 1200 mg voor jongens en 1100 mg voor meisjes', en: '9 to 17 years: 1200 mg for boys and 1100 mg for girls' },
            { nl: '18 tot 24 jaar: 1000 mg', en: '18 to 24 years: 1000 mg' },
            { nl: '25 tot 50 jaar: 950 mg', en: '25 to 50 years: 950 mg' },
            { nl: '51 tot 69 jaar: 950 mg voor mannen en 1100 mg voor vrouwen', en: '51 to 69 years: 950 mg for men and 1100 mg for women' },
            { nl: '70 jaar en ouder: 1200 mg', en: '70 years and older: 1200 mg' },
          ],
        },
        { kind: 'p', text: { nl: 'Hebt u osteoporose of een medicijn voor uw botten nodig? Dan is het minstens 1000 mg. Dat zijn ongeveer vier keer melk, yoghurt of kaas per dag.', en: 'Do you have osteoporosis or do you need a medicine for your bones? Then it is at least 1000 mg. That is about four servings of milk, yoghurt or cheese a day.' } },
        { kind: 'p', text: { nl: 'Komt u meer dan 250 mg per dag tekort? Dan kan uw arts calcium als tablet geven.', en: 'Are you more than 250 mg a day short? Then your doctor may give you calcium as a tablet.' } },
      ],
    },
    {
      id: 'vitamin-d',
      heading: { nl: 'Vitamine D', en: 'Vitamin D' },
      blocks: [
        { kind: 'p', text: { nl: 'Vitamine D zorgt dat uw lijf calcium uit het eten opneemt. Zonder vitamine D heeft calcium weinig zin.', en: 'Vitamin D makes sure your body takes up calcium from food. Without vitamin D, calcium does little good.' } },
        { kind: 'p', text: { nl: 'Voor sommige mensen is een pil of druppels met vitamine D nodig. Dat is 10 of 20 microgram (µg) per dag.', en: 'Some people need a pill or drops with vitamin D. That is 10 or 20 micrograms (µg) a day.' } },
        {
          kind: 'list',
          items: [
            { nl: '10 µg per dag: kinderen tot 4 jaar, vrouwen vanaf 50 jaar, en mensen die weinig buiten komen.', en: '10 µg a day: children up to 4, women from 50, and people who seldom go outside.' },
            { nl: '10 µg per dag ook voor kinderen die medicijnen tegen epilepsie slikken.', en: '10 µg a day also for children who take medicines for epilepsy.' },
            { nl: '20 µg per dag: iedereen van 70 jaar en ouder.', en: '20 µg a day: everyone aged 70 and older.' },
            { nl: '20 µg per dag ook voor wie een medicijn voor de botten slikt of nodig heeft.', en: '20 µg a day also for everyone who takes or needs a medicine for the bones.' },
          ],
        },
        { kind: 'p', text: { nl: 'Is uw vitamine D in het bloed erg laag? Dan krijgt u eerst 20 µg per dag. Een medicijn voor de botten begint dan pas na 6 weken.', en: 'Is your vitamin D in the blood very low? Then you first get 20 µg a day. A medicine for the bones then starts only after 6 weeks.' } },
      ],
    },
    {
      id: 'daylight',
      heading: { nl: 'Daglicht', en: 'Daylight' },
      blocks: [
        { kind: 'p', text: { nl: 'Uw huid maakt zelf vitamine D als er daglicht op valt. Ga in de zomer elke dag een half uur naar buiten.', en: 'Your skin makes vitamin D itself when daylight falls on it. In summer, go outside for half an hour every day.' } },
        { kind: 'p', text: { nl: 'Laat uw gezicht en armen dan het licht zien. Verbrand niet: zoek tijdig de schaduw op.', en: 'Let your face and arms see the light. Do not get sunburnt: find the shade in time.' } },
      ],
    },
  ],
  sources: ['GR-2012', 'GR-CALCIUM', 'NIV-2022', 'NHG-2024', 'LEAFLET-HOSPITAL', 'LEAFLET-EMB'],
  checked: '2026-12-07',
};
