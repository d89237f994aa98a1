// Measuring at the physiotherapist: at the start of exercise therapy and every 3 months, also after
// it ends (clinical-rules.md §13). Which tests, what the numbers mean, and why it goes on.
import type { LearnPage } from '../learn.types.js';

export const MEASURING_PAGE: LearnPage = {
  slug: 'measuring',
  group: 'living',
  title: { nl: 'Meten bij de fysiotherapeut', en: 'Measuring at the physiotherapist' },
  summary: {
    nl: 'Bij de start van de oefentherapie doet u een paar korte testen. Elke 3 maanden doet u ze opnieuw. Zo ziet u zwart op wit wat het oefenen u oplevert.',
    en: 'When exercise therapy starts you do a few short tests. Every 3 months you do them again. That way you see in numbers what the exercise gives you.',
  },
  sections: [
    {
      id: 'why',
      heading: { nl: 'Waarom meten?', en: 'Why measure?' },
      blocks: [
        { kind: 'p', text: { nl: 'Vooruitgang gaat vaak langzaam. U merkt het zelf soms niet. Een meting laat zien of uw benen sterker worden en uw balans beter.', en: 'Progress is often slow. Sometimes you do not notice it yourself. A measurement shows whether your legs get stronger and your balance better.' } },
        { kind: 'p', text: { nl: 'De fysiotherapeut past uw oefeningen aan met de uitkomst. Gaat het goed? Dan mag het wat zwaarder.', en: 'The physiotherapist adjusts your exercises with the result. Is it going well? Then it can get a bit harder.' } },
      ],
    },
    {
      id: 'tests',
      heading: { nl: 'Welke testen?', en: 'Which tests?' },
      blocks: [
        { kind: 'p', text: { nl: 'Elke test duurt maar kort. U hoeft er niet voor te oefenen. De fysiotherapeut staat naast u.', en: 'Each test takes only a short time. You do not need to practise for it. The physiotherapist stands next to you.' } },
        {
          kind: 'list',
          items: [
            { nl: 'Balans: u staat zo lang u kunt in een paar houdingen, bijvoorbeeld met één voet voor de andere.', en: 'Balance: you stand as long as you can in a few positions, for example with one foot in front of the other.' },
            { nl: 'Opstaan: hoe vaak komt u in 30 seconden uit een stoel? Of hoe snel staat u 5 keer op?', en: 'Rising: how often do you get up from a chair in 30 seconds? Or how fast do you stand up 5 times?' },
            { nl: 'Lopen: hoe snel loopt u een paar meter, en hoe lang doet u over opstaan, een stukje lopen en weer zitten?', en: 'Walking: how fast do you walk a few metres, and how long does it take to stand up, walk a bit and sit down again?' },
            { nl: 'Stappen: draagt u een stappenteller? Dan kijken we hoeveel stappen u per dag zet.', en: 'Steps: do you wear a step counter? Then we look at how many steps you take a day.' },
            { nl: 'Uw eigen doelen: u geeft een cijfer voor de dingen die u moeilijk vindt, zoals traplopen.', en: 'Your own goals: you give a score for the things you find hard, such as climbing stairs.' },
          ],
        },
      ],
    },
    {
      id: 'numbers',
      heading: { nl: 'Wat zeggen de cijfers?', en: 'What do the numbers say?' },
      blocks: [
        { kind: 'p', text: { nl: 'Bij het opstaan in 30 seconden vergelijken we u met mensen van uw leeftijd. Bij de andere testen kijken we vooral naar u zelf: gaat het beter dan de vorige keer?', en: 'For rising in 30 seconds we compare you with people of your age. For the other tests we mostly look at you: is it better than last time?' } },
        { kind: 'p', text: { nl: 'Uw aantal stappen beoordelen we nooit met een vast getal. We kijken naar uw eigen doel.', en: 'We never judge your number of steps by a fixed figure. We look at your own goal.' } },
        { kind: 'p', text: { nl: 'U ziet de uitkomsten op uw eigen pagina. Uw fysiotherapeut stuurt een verslag naar de arts die u doorverwees en naar uw huisarts.', en: 'You see the results on your own page. Your physiotherapist sends a report to the doctor who referred you and to your GP.' } },
      ],
    },
    {
      id: 'after',
      heading: { nl: 'Ook na de oefentherapie', en: 'Also after the exercise therapy' },
      blocks: [
        { kind: 'p', text: { nl: 'Na de oefentherapie blijft u zelf oefenen. We meten dan nog steeds elke 3 maanden. Zo ziet u of u sterk blijft.', en: 'After the exercise therapy you keep exercising yourself. We still measure every 3 months. That way you see whether you stay strong.' } },
        { kind: 'p', text: { nl: 'U krijgt een herinnering als de volgende meting eraan komt. Die staat ook in uw agenda als u de agenda-koppeling gebruikt.', en: 'You get a reminder when the next measurement is coming. It is also in your calendar if you use the calendar link.' } },
      ],
    },
  ],
  sources: ['GUIDE-EXERCISE', 'LEAFLET-PHYSIO', 'SPPB', 'STEADI', 'RIKLI-JONES', 'PSK'],
  checked: '2026-12-07',
};
