// Pain and fear after a fracture, and when to ask for help.
import type { LearnPage } from '../learn.types.js';

export const PAIN_AND_FEAR_PAGE: LearnPage = {
  slug: 'pain-and-fear',
  group: 'living',
  title: { nl: 'Pijn en angst na een breuk', en: 'Pain and fear after a fracture' },
  summary: {
    nl: 'Na een breuk hebt u vaak pijn. Veel mensen zijn ook bang om weer te vallen. Dat is normaal. Hier leest u wat helpt.',
    en: 'After a fracture you often have pain. Many people are also afraid of falling again. That is normal. Here you read what helps.',
  },
  sections: [
    {
      id: 'pain',
      heading: { nl: 'Pijn', en: 'Pain' },
      blocks: [
        { kind: 'p', text: { nl: 'Een breuk doet pijn. Meestal wordt de pijn in een paar weken minder.', en: 'A fracture hurts. Usually the pain gets less within a few weeks.' } },
        { kind: 'p', text: { nl: 'Neem pijnstillers zoals u met uw arts hebt afgesproken. Met minder pijn kunt u beter bewegen. En bewegen helpt bij het herstel.', en: 'Take painkillers as agreed with your doctor. With less pain you can move better. And moving helps you recover.' } },
        { kind: 'p', text: { nl: 'Een breuk in de rug kan lang pijn doen. Een fysiotherapeut kan u leren hoe u beweegt met minder pijn.', en: 'A fracture in the back can hurt for a long time. A physiotherapist can teach you how to move with less pain.' } },
      ],
    },
    {
      id: 'fear-of-falling',
      heading: { nl: 'Bang om te vallen', en: 'Afraid of falling' },
      blocks: [
        { kind: 'p', text: { nl: 'Na een val of een breuk zijn veel mensen bang om weer te vallen. U bent daarin niet de enige.', en: 'After a fall or a fracture many people are afraid of falling again. You are not the only one.' } },
        { kind: 'p', text: { nl: 'Angst kan ervoor zorgen dat u minder gaat doen. Maar dan worden uw spieren zwakker. Zo wordt de kans op vallen juist groter.', en: 'Fear can make you do less. But then your muscles get weaker. So the chance of falling actually grows.' } },
        { kind: 'p', text: { nl: 'Met een korte vragenlijst kijken we hoe bang u bent. Er zijn zeven vragen. Bent u erg bang? Dan zoeken we samen naar hulp.', en: 'A short questionnaire shows how afraid you are. There are seven questions. Are you very afraid? Then we look for help together.' } },
        { kind: 'p', text: { nl: 'Oefenen onder begeleiding helpt vaak. U merkt dan dat u meer kunt dan u dacht.', en: 'Exercise with a therapist often helps. You find out that you can do more than you thought.' } },
      ],
    },
    {
      id: 'mood',
      heading: { nl: 'Als het u zwaar valt', en: 'When it is hard for you' },
      blocks: [
        { kind: 'p', text: { nl: 'Een breuk kan uw leven flink op zijn kop zetten. U kunt zich somber of boos voelen. Praat erover met iemand die u vertrouwt.', en: 'A fracture can turn your life upside down. You may feel low or angry. Talk about it with someone you trust.' } },
      ],
    },
    {
      id: 'when-to-ask-for-help',
      heading: { nl: 'Wanneer vraagt u hulp?', en: 'When to ask for help' },
      blocks: [
        { kind: 'p', text: { nl: 'Bel uw huisarts of het ziekenhuis als een van deze dingen gebeurt:', en: 'Call your GP or the hospital if one of these things happens:' } },
        {
          kind: 'list',
          items: [
            { nl: 'U krijgt plotseling veel pijn in uw rug.', en: 'You suddenly get a lot of pain in your back.' },
            { nl: 'De pijn wordt erger in plaats van minder.', en: 'The pain gets worse instead of better.' },
            { nl: 'U bent weer gevallen.', en: 'You fell again.' },
            { nl: 'U kunt na een val niet zelf opstaan.', en: 'You cannot get up by yourself after a fall.' },
            { nl: 'U durft door angst bijna niet meer de deur uit.', en: 'Fear keeps you from going out of the house.' },
            { nl: 'U voelt zich al weken somber.', en: 'You have felt low for weeks.' },
          ],
        },
      ],
    },
  ],
  sources: ['WFG-2022', 'FESI', 'NHG-2024', 'LEAFLET-PHYSIO', 'GUIDE-EXERCISE'],
  checked: '2026-12-07',
};
