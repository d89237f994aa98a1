// The exercise catalogue of the plan: written for Botpad in our own words, after the aims the two
// physiotherapy leaflets name (LEAFLET-PHYSIO: resistance and walking exercises for bone density,
// strength, balance and stability, posture instructions; GUIDE-EXERCISE: bone loading, posture,
// stability). Each exercise has a stable code (kept in plans), a category, its names, B1
// instructions a patient can follow at home, and the tags that say when it is not safe for
// everyone (safety.ts decides for whom). A code is never reused for another exercise.
import type { ExerciseCategory, ExerciseTag } from './lists.js';

export interface Exercise {
  readonly code: string;
  readonly category: ExerciseCategory;
  readonly nameNl: string;
  readonly nameEn: string;
  /** What to do, in short B1 steps. */
  readonly stepsNl: readonly string[];
  readonly stepsEn: readonly string[];
  readonly tags: readonly ExerciseTag[];
}

const ex = (code: string, category: ExerciseCategory, nameNl: string, nameEn: string, stepsNl: string[], stepsEn: string[], tags: ExerciseTag[] = []): Exercise =>
  ({ code, category, nameNl, nameEn, stepsNl, stepsEn, tags });

export const EXERCISES: readonly Exercise[] = [
  // Strength: legs, hips and back, the muscles that keep a person up and carry the bones.
  ex('chair-rise', 'strength', 'Opstaan uit een stoel', 'Rising from a chair',
    ['Ga voor op een stevige stoel zitten, voeten plat op de grond.', 'Sta op zonder uw handen te gebruiken, als het kan.', 'Ga langzaam weer zitten.'],
    ['Sit at the front of a sturdy chair, feet flat on the floor.', 'Stand up without using your hands, if you can.', 'Sit down again slowly.']),
  ex('wall-press', 'strength', 'Duwen tegen de muur', 'Pushing against the wall',
    ['Sta een grote stap van de muur af.', 'Zet uw handen op schouderhoogte tegen de muur.', 'Buig uw armen tot uw neus bijna de muur raakt, en duw terug.'],
    ['Stand one big step away from the wall.', 'Put your hands on the wall at shoulder height.', 'Bend your arms until your nose nearly touches the wall, then push back.']),
  ex('heel-raise', 'strength', 'Op uw tenen staan', 'Rising onto your toes',
    ['Sta achter een stoel en houd de leuning vast.', 'Kom langzaam omhoog op uw tenen.', 'Zak rustig terug op uw hielen.'],
    ['Stand behind a chair and hold the back of it.', 'Slowly rise onto your toes.', 'Lower yourself gently back onto your heels.']),
  ex('half-squat', 'strength', 'Door de knieën zakken', 'Half squat',
    ['Sta rechtop met de voeten iets uit elkaar.', 'Zak een klein stukje door uw knieën, uw rug blijft recht.', 'Kom weer omhoog.'],
    ['Stand up straight with your feet a little apart.', 'Bend your knees a little, keeping your back straight.', 'Come back up.']),
  ex('step-up', 'strength', 'Opstappen op de trap', 'Stepping up onto a stair',
    ['Sta voor de onderste traptree en houd de leuning vast.', 'Stap met één voet op de tree en kom helemaal omhoog.', 'Stap rustig terug. Wissel van been.'],
    ['Stand in front of the bottom stair and hold the rail.', 'Step onto the stair with one foot and come all the way up.', 'Step back down calmly. Change legs.'], ['needs-support']),
  ex('band-row', 'strength', 'Roeien met een elastiek', 'Rowing with a band',
    ['Zit rechtop. Houd een elastiek vast dat voor u vastzit.', 'Trek uw ellebogen naar achteren en knijp uw schouderbladen samen.', 'Laat langzaam terug.'],
    ['Sit up straight. Hold a band fixed in front of you.', 'Pull your elbows back and squeeze your shoulder blades together.', 'Let go back slowly.']),
  ex('weighted-sit-up', 'strength', 'Sit-up met gewicht', 'Sit-up with a weight',
    ['Lig op uw rug met een gewicht op uw borst.', 'Kom met een bolle rug omhoog naar uw knieën.', 'Ga langzaam terug liggen.'],
    ['Lie on your back with a weight on your chest.', 'Curl up towards your knees with a rounded back.', 'Lie back down slowly.'], ['loaded-spinal-flexion']),
  ex('round-back-lift', 'strength', 'Tillen met een bolle rug', 'Lifting with a rounded back',
    ['Sta met gestrekte benen.', 'Buig voorover en pak een gewicht van de grond.', 'Kom weer omhoog.'],
    ['Stand with straight legs.', 'Bend forward and pick a weight up from the floor.', 'Come back up.'], ['loaded-spinal-flexion']),
  ex('seated-twist-weight', 'strength', 'Draaien met gewicht in zit', 'Seated twist with a weight',
    ['Zit op de grond, iets achterover, met een gewicht in uw handen.', 'Draai uw romp naar links en naar rechts.'],
    ['Sit on the floor, leaning back a little, with a weight in your hands.', 'Turn your upper body to the left and to the right.'], ['spinal-twist', 'loaded-spinal-flexion']),
  // Balance: fewer falls.
  ex('tandem-stand', 'balance', 'Voeten achter elkaar staan', 'Standing heel to toe',
    ['Sta naast het aanrecht en houd het vast als dat nodig is.', 'Zet de hak van één voet vlak voor de tenen van de andere.', 'Blijf zo staan. Wissel daarna van voet.'],
    ['Stand next to the kitchen counter and hold on if you need to.', 'Put the heel of one foot just in front of the toes of the other.', 'Stay like this. Then change feet.'], ['needs-support']),
  ex('one-leg-stand', 'balance', 'Op één been staan', 'Standing on one leg',
    ['Sta naast het aanrecht en houd het vast als dat nodig is.', 'Til één voet een klein stukje op.', 'Blijf zo staan. Wissel daarna van been.'],
    ['Stand next to the kitchen counter and hold on if you need to.', 'Lift one foot a little off the floor.', 'Stay like this. Then change legs.'], ['needs-support']),
  ex('heel-toe-walk', 'balance', 'Lopen op een lijn', 'Walking along a line',
    ['Loop langs een muur of aanrecht.', 'Zet bij elke stap uw hak vlak voor uw tenen.', 'Kijk recht vooruit.'],
    ['Walk along a wall or counter.', 'With each step, put your heel just in front of your toes.', 'Look straight ahead.'], ['needs-support']),
  ex('side-step', 'balance', 'Opzij stappen', 'Stepping sideways',
    ['Sta rechtop.', 'Stap rustig een paar passen opzij en weer terug.'],
    ['Stand up straight.', 'Calmly take a few steps to the side and back again.']),
  ex('weight-shift', 'balance', 'Gewicht verplaatsen', 'Shifting your weight',
    ['Sta met de voeten iets uit elkaar.', 'Breng uw gewicht langzaam naar uw linkervoet, dan naar uw rechtervoet.'],
    ['Stand with your feet a little apart.', 'Slowly move your weight onto your left foot, then onto your right foot.']),
  // Weight-bearing: activity on the feet that loads the bones.
  ex('brisk-walk', 'weight-bearing', 'Stevig wandelen', 'Brisk walking',
    ['Wandel zo snel dat u nog net kunt praten.', 'Draag goede, dichte schoenen.'],
    ['Walk so fast that you can only just talk.', 'Wear good, closed shoes.']),
  ex('stair-walk', 'weight-bearing', 'Traplopen', 'Climbing stairs',
    ['Loop de trap op en af.', 'Houd altijd de leuning vast.'],
    ['Walk up and down the stairs.', 'Always hold the rail.'], ['needs-support']),
  // Impact: short shocks that load the bone, where it is safe.
  ex('heel-drop', 'impact', 'Op uw hakken neerkomen', 'Heel drops',
    ['Sta rechtop en houd een stoel vast.', 'Kom op uw tenen en laat u op uw hakken neerkomen.'],
    ['Stand up straight and hold a chair.', 'Rise onto your toes and drop down onto your heels.']),
  ex('jump-landing', 'impact', 'Springen en landen', 'Jumping and landing',
    ['Spring een klein stukje omhoog.', 'Land zacht met gebogen knieën.'],
    ['Jump up a little.', 'Land softly with bent knees.'], ['high-impact']),
  ex('rope-skipping', 'impact', 'Touwtjespringen', 'Skipping rope',
    ['Spring over een touw.', 'Land op de bal van uw voet.'],
    ['Jump over a rope.', 'Land on the ball of your foot.'], ['high-impact']),
  // Posture: upright, with a strong back.
  ex('wall-stand', 'posture', 'Rechtop tegen de muur', 'Standing tall against the wall',
    ['Sta met uw rug tegen de muur.', 'Duw uw achterhoofd zacht naar de muur, kin iets in.', 'Blijf zo even staan en adem rustig.'],
    ['Stand with your back against the wall.', 'Gently press the back of your head towards the wall, chin tucked in a little.', 'Stay like this for a while and breathe calmly.']),
  ex('prone-lift', 'posture', 'Op de buik de borst optillen', 'Lifting the chest lying face down',
    ['Lig op uw buik met een kussen onder uw buik.', 'Til uw hoofd en borst een klein stukje op. Kijk naar de grond.', 'Zak rustig terug.'],
    ['Lie on your front with a pillow under your belly.', 'Lift your head and chest a little. Look at the floor.', 'Lower yourself calmly.']),
  ex('shoulder-squeeze', 'posture', 'Schouderbladen samen', 'Shoulder blade squeeze',
    ['Zit of sta rechtop.', 'Trek uw schouders naar achteren en knijp uw schouderbladen samen.', 'Houd dit even vast en laat los.'],
    ['Sit or stand up straight.', 'Pull your shoulders back and squeeze your shoulder blades together.', 'Hold it for a moment, then let go.']),
  ex('toe-touch', 'posture', 'Bukken naar uw tenen', 'Touching your toes',
    ['Sta met gestrekte benen.', 'Buig voorover en reik naar uw tenen.'],
    ['Stand with straight legs.', 'Bend forward and reach for your toes.'], ['loaded-spinal-flexion']),
  ex('standing-twist', 'posture', 'Romp draaien in stand', 'Standing trunk twist',
    ['Sta rechtop met uw handen op uw borst.', 'Draai uw romp ver naar links en naar rechts.'],
    ['Stand up straight with your hands on your chest.', 'Turn your upper body far to the left and to the right.'], ['spinal-twist']),
];

export const EXERCISE_CODES: readonly string[] = EXERCISES.map((e) => e.code);
const BY_CODE: ReadonlyMap<string, Exercise> = new Map(EXERCISES.map((e) => [e.code, e]));

/** The exercise with this code, if the catalogue has it. */
export function exerciseOf(code: string): Exercise | undefined {
  return BY_CODE.get(code);
}
