// Blocks that several medicine pages share word for word, so a fact (the jaw, the thigh bone, the
// vitamin D advice) is written once and reads the same on every page that needs it.
import type { Bi, LearnSection } from '../../learn.types.js';
import { li, list, p } from '../text-blocks.js';

export { CHECKED, li, list, p } from '../text-blocks.js';

// ---- Signs to report at once (clinical-rules §7, SMPC-<drug>) -----------------------------------

export const CALL_AT_ONCE = p(
  'Bel dezelfde dag uw huisarts of het ziekenhuis als u een van deze klachten krijgt:',
  'Call your GP or the hospital the same day if you get any of these:',
);

export const JAW = li(
  'Pijn in uw kaak, een tand die los gaat zitten, of een wondje in uw mond dat niet dicht gaat.',
  'Pain in your jaw, a tooth that comes loose, or a sore in your mouth that does not heal.',
);
export const THIGH = li(
  'Nieuwe pijn in uw dij, heup of lies. Heel soms is dit het begin van een breuk in het dijbeen.',
  'New pain in your thigh, hip or groin. Very rarely this is the start of a break in the thigh bone.',
);
export const EAR = li(
  'Pijn in uw oor, vocht uit uw oor, of een ontsteking in uw oor.',
  'Pain in your ear, fluid coming out of your ear, or an ear infection.',
);
export const LOW_CALCIUM = li(
  'Tintelingen rond uw mond of in uw vingers, of krampen in uw spieren. Dit kan komen door te weinig calcium in uw bloed.',
  'Tingling around your mouth or in your fingers, or muscle cramps. This can come from too little calcium in your blood.',
);
export const ALLERGY = li(
  'Een dik gezicht, een dikke tong of keel, of moeite met ademen. Bel dan meteen 112.',
  'A swollen face, tongue or throat, or trouble breathing. Then call 112 at once.',
);

// ---- The teeth: jaw-bone care for the medicines that carry that small risk ----------------------

export function teethSection(what: Bi): LearnSection {
  return {
    id: 'teeth',
    heading: { nl: 'Uw tanden en uw kaak', en: 'Your teeth and your jaw' },
    blocks: [
      p(
        `Heel soms raakt bij ${what.nl} het kaakbot ontstoken. De kans is klein. Met een gezonde mond wordt hij nog kleiner.`,
        `Very rarely, the jawbone becomes inflamed with ${what.en}. The chance is small. A healthy mouth makes it smaller still.`,
      ),
      p(
        'Ga naar de tandarts voor u begint. Laat eerst doen wat nodig is, zoals een tand trekken.',
        'See your dentist before you start. Have any work that is needed done first, such as pulling a tooth.',
      ),
      p(
        'Zeg altijd tegen de tandarts welk medicijn u hebt. Zeker voor u een tand laat trekken of een implantaat krijgt.',
        'Always tell your dentist which medicine you use. Above all before a tooth is pulled or you get an implant.',
      ),
      list(
        li('Poets uw tanden twee keer per dag.', 'Brush your teeth twice a day.'),
        li('Ga op controle bij de tandarts, zo vaak als die u zegt.', 'Go for check-ups at the dentist as often as they tell you.'),
        li(
          'Zit uw kunstgebit niet goed meer? Laat het dan passend maken. Een drukplek geeft meer kans op een wond.',
          'Do your dentures no longer fit well? Have them adjusted. A sore spot makes a wound more likely.',
        ),
        li('Rookt u? Stoppen is goed voor uw mond en uw botten.', 'Do you smoke? Stopping is good for your mouth and your bones.'),
      ),
    ],
  };
}

// ---- Calcium and vitamin D (clinical-rules §9) --------------------------------------------------

export const VITAMIN_D_20 = p(
  'Iedereen met een medicijn voor de botten krijgt het advies: neem elke dag 20 µg vitamine D. Dat is 20 microgram.',
  'Everyone on a medicine for the bones is advised to take 20 µg of vitamin D every day. That is 20 micrograms.',
);

export const CALCIUM_1000 = p(
  'Probeer elke dag minstens 1000 mg calcium binnen te krijgen. Dat zijn ongeveer 4 porties zuivel, zoals een glas melk, een schaaltje yoghurt of een plak kaas.',
  'Try to get at least 1000 mg of calcium every day. That is about 4 servings of dairy, such as a glass of milk, a bowl of yoghurt or a slice of cheese.',
);

export const CALCIUM_TABLETS = p(
  'Lukt dat niet met eten en drinken? Dan schrijft de arts misschien calcium als tablet voor.',
  'Is that not possible with food and drink? Then your doctor may prescribe calcium tablets.',
);

// ---- Check-ups after the start (clinical-rules §8, follow-up schedule) --------------------------

export const FOLLOW_UP = p(
  'De eerste controle is 3 maanden na de start. Daarna ziet u de arts of verpleegkundige elk jaar.',
  'The first check-up is 3 months after the start. After that you see the doctor or nurse every year.',
);
