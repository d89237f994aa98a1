// The Case: one person's facts as the clinical core reads them (clinical-rules.md §1).
// Field names, codes and shapes are a public contract: the CLI, the API and the FHIR mapping all
// speak it, so they are spelled here exactly as the spec spells them. `.strict()` everywhere
// because an unknown key is an error, never silently dropped.
import { z } from 'zod';
import { isoDate } from './time/date.js';
import { acceptedUnits, unitFactor, type UnitTest } from './laboratory/units.js';

export const FRACTURE_SITES = [
  'skull', 'face', 'cervical-spine', 'thoracic-spine', 'lumbar-spine', 'sternum', 'rib',
  'clavicle', 'scapula', 'humerus', 'elbow', 'forearm', 'wrist', 'carpus', 'metacarpal', 'finger',
  'pelvis', 'acetabulum', 'hip', 'femur', 'patella', 'tibia', 'fibula', 'ankle', 'calcaneus',
  'talus', 'tarsus', 'metatarsal', 'toe', 'other',
] as const;
export const FractureSite = z.enum(FRACTURE_SITES);
export type FractureSite = z.infer<typeof FractureSite>;

export const LAB_TESTS = [
  'calcium', 'albumin', 'calcium-corrected', 'creatinine', 'egfr', 'tsh', '25-oh-vitamin-d',
  'alkaline-phosphatase', 'pth', 'esr', 'm-protein', 'phosphate', 'testosterone',
  'urine-calcium-24h',
] as const;
export const LabTest = z.enum(LAB_TESTS);
export type LabTest = z.infer<typeof LabTest>;
// The unit table (laboratory/units.ts) lists the same tests; this fails to compile if they drift.
const sameTests: [LabTest, UnitTest] extends [UnitTest, LabTest] ? true : never = true;
void sameTests;

export const DRUGS = [
  'alendronic-acid', 'risedronic-acid', 'ibandronic-acid', 'zoledronic-acid', 'denosumab',
  'teriparatide', 'romosozumab', 'raloxifene',
] as const;
export const Drug = z.enum(DRUGS);
export type Drug = z.infer<typeof Drug>;

export const CALCIUM_ITEMS = [
  'milk-glass', 'yoghurt-bowl', 'cheese-slice', 'calcium-enriched-soy-glass', 'cheese-spread-portion',
] as const;
export const CalciumItem = z.enum(CALCIUM_ITEMS);
export type CalciumItem = z.infer<typeof CalciumItem>;

export const DXA_SITES = ['lumbar-spine', 'femoral-neck', 'total-hip'] as const;
export const VERTEBRA_LEVELS = [
  'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'L1', 'L2', 'L3', 'L4',
] as const;
export const MOBILITY = ['independent-walker', 'walking-aid', 'wheelchair', 'bedbound'] as const;
export const CONTACT_KINDS = ['3-months', '1-year', 'yearly', 'review'] as const;

const finite = z.number();
const flag = z.boolean().optional();

/**
 * Two bounds (a lower and an upper) run as ONE check. zod runs each check of a schema through its
 * own round of bookkeeping, and a Case holds some fifty bounded numbers and texts: with the bounds
 * checked together, validation takes about a tenth less time. The bounds are zod's own checks, run
 * as they would run on their own (with their own `when`), so every issue (code, bound, message,
 * `inclusive`) is exactly the one `.min()`/`.positive()`/`.max()` would raise; `bag` carries the
 * bounds to the JSON Schema (`minimum`, `exclusiveMinimum`, `maximum`, or for a text its lengths).
 * case.schema.test.ts compares issues and JSON Schema with the chained form.
 */
function together<T>(
  low: z.core.$ZodCheck<T>,
  high: z.core.$ZodCheck<T>,
  bag: { minimum?: number; exclusiveMinimum?: number; maximum: number },
): z.core.$ZodCheck<T> {
  const when = low._zod.def.when;
  const both = new z.core.$ZodCheck(when === undefined ? { check: 'custom' } : { check: 'custom', when }) as z.core.$ZodCheck<T>;
  // Bound checks are synchronous: they push an issue or return nothing.
  both._zod.check = (payload) => {
    void low._zod.check(payload);
    void high._zod.check(payload);
  };
  both._zod.onattach.push((schema) => {
    Object.assign(schema._zod.bag, bag);
  });
  return both;
}
/** A finite number with `min ≤ x ≤ max`. */
export const range = (min: number, max: number) => finite.check(together(z.gte(min), z.lte(max), { minimum: min, maximum: max }));
/** A finite number with `0 < x ≤ max`. */
export const positiveTo = (max: number) => finite.check(together(z.gt(0), z.lte(max), { exclusiveMinimum: 0, maximum: max }));
/** A whole number with `min ≤ x ≤ max`. */
export const wholeRange = (min: number, max: number) =>
  z.number().int().check(together(z.gte(min), z.lte(max), { minimum: min, maximum: max }));
/** A text of `min` to `max` characters. */
export const text = (min: number, max: number) =>
  z.string().check(together(z.minLength(min), z.maxLength(max), { minimum: min, maximum: max }));

export const Person = z
  .object({
    birthDate: isoDate,
    sex: z.enum(['female', 'male']),
    weightKg: positiveTo(400).optional(),
    heightCm: positiveTo(260).optional(),
    menopause: z
      .object({
        status: z.enum(['pre', 'peri', 'post']),
        ageAtMenopause: range(0, 80).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const Fracture = z
  .object({ date: isoDate, site: FractureSite, highEnergy: flag, pathological: flag })
  .strict();

export const RiskFactors = z
  .object({
    parentHipFracture: flag,
    parentOrSiblingOsteoporosis: flag,
    rheumatoidArthritis: flag,
    secondaryOsteoporosisCondition: flag,
    reducedMobility: flag,
    sexHormoneLoweringTherapy: flag,
    currentSmoker: flag,
    alcoholUnitsPerDay: range(0, 100).optional(),
    antiEpileptics: wholeRange(0, 20).optional(),
    glucocorticoids: z
      .object({ mgPerDay: range(0, 1000), months: range(0, 1200) })
      .strict()
      .optional(),
    insufficientDaylight: flag,
    lifeExpectancyUnderOneYear: flag,
  })
  .strict();

export const DxaMeasurement = z
  .object({
    date: isoDate,
    site: z.enum(DXA_SITES),
    tScore: range(-10, 10).optional(),
    zScore: range(-10, 10).optional(),
    bmd: positiveTo(5).optional(),
  })
  .strict();

export const Vfa = z
  .object({
    date: isoDate,
    vertebrae: z
      .array(
        z
          .object({
            level: z.enum(VERTEBRA_LEVELS),
            grade: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal('not-evaluable')]),
          })
          .strict(),
      )
      .max(VERTEBRA_LEVELS.length),
  })
  .strict();

/** The tests as a set: the unit check asks for every lab result whether its test is one of them. */
const LAB_TEST_SET: ReadonlySet<unknown> = new Set(LAB_TESTS);

/** A lab result as entered; its unit is checked against its test by `Labs`, below. */
export const LabResult = z
  .object({
    test: LabTest,
    value: finite,
    unit: text(1, 40),
    date: isoDate,
    refLow: finite.optional(),
    refHigh: finite.optional(),
  })
  .strict();

/** A unit's test is known and its unit a string: only then can the pair be checked. */
function checkable(v: unknown): v is { test: LabTest; unit: string } {
  return typeof v === 'object' && v !== null && typeof (v as { unit?: unknown }).unit === 'string'
    && LAB_TEST_SET.has((v as { test?: unknown }).test);
}

/**
 * The lab results. A unit that cannot be converted exactly (laboratory/units.ts) makes the case
 * invalid at `/labs/<i>/unit`. Checked once for the whole list rather than once per result (one
 * round of zod's bookkeeping instead of one per result), and also when other fields of the same
 * or another result are bad (`when`), so every bad field is reported at once.
 */
const Labs = z
  .array(LabResult)
  .max(2000)
  .superRefine((labs, ctx) => {
    for (let i = 0; i < labs.length; i++) {
      const r: unknown = labs[i];
      if (!checkable(r) || unitFactor(r.test, r.unit) !== undefined) continue;
      ctx.addIssue({
        code: 'custom',
        path: [i, 'unit'],
        message: `unknown unit "${r.unit}" for ${r.test}; accepted: ${acceptedUnits(r.test).join(', ')}`,
      });
    }
  }, { when: (payload) => Array.isArray(payload.value) });

export const Falls = z
  .object({
    fallsLast12Months: wholeRange(0, 1000).optional(),
    injuredByFall: flag,
    unableToGetUp: flag,
    lostConsciousness: flag,
    worriedAboutFalling: flag,
    unsteady: flag,
    frail: flag,
    tugSeconds: positiveTo(600).optional(),
    gaitSpeedMps: positiveTo(5).optional(),
  })
  .strict();

const fesItem = wholeRange(1, 4);

export const Medication = z
  .object({
    drug: Drug,
    start: isoDate,
    end: isoDate.optional(),
    route: z.enum(['oral', 'iv', 'sc']).optional(),
    doses: z.array(isoDate).max(2000).optional(),
  })
  .strict();

export const Safety = z
  .object({
    canStayUpright30Min: flag,
    canStayUpright60Min: flag,
    oesophagealDisorder: flag,
    pregnant: flag,
    invasiveDentalTreatmentPlanned: flag,
    dentalCheckDone: flag,
    hipFractureRepairDate: isoDate.optional(),
    historyMyocardialInfarctionOrStroke: flag,
    venousThromboembolismHistory: flag,
    skeletalRadiotherapy: flag,
    skeletalMalignancy: flag,
    osteomalaciaSymptoms: flag,
  })
  .strict();

export const Child = z
  .object({
    mobility: z.enum(MOBILITY),
    standingMinutesPerDay: range(0, 1440).optional(),
    movementMinutesPerDay: range(0, 1440).optional(),
    lastAidsCheck: isoDate.optional(),
    heightCmAtLastAidsCheck: positiveTo(260).optional(),
    indoorsMostly: flag,
  })
  .strict();

/**
 * One exercise-therapy measurement (clinical-rules.md §13): raw items only, the core scores them.
 * `null` is "could not do it" (scored 0), an absent key "not measured".
 */
export const SppbItems = z
  .object({
    sideBySideSeconds: range(0, 600),
    semiTandemSeconds: range(0, 600).optional(),
    tandemSeconds: range(0, 600).optional(),
    gait4mSeconds: positiveTo(600).nullable(),
    chairStand5Seconds: positiveTo(600).nullable(),
  })
  .strict();
export const FourStageBalanceItems = z
  .object({ stageSeconds: z.array(range(0, 600)).min(1).max(4) })
  .strict();
/** PSK (Patiënt Specifieke Klachten): up to 3 activities, each 0 (no trouble) to 10 (impossible). */
export const PskItems = z
  .array(z.object({ activity: text(1, 200), score: wholeRange(0, 10) }).strict())
  .min(1)
  .max(3);
export const Measurement = z
  .object({
    date: isoDate,
    sppb: SppbItems.optional(),
    fourStageBalance: FourStageBalanceItems.optional(),
    chairStand30s: wholeRange(0, 100).optional(),
    tugSeconds: positiveTo(600).optional(),
    gaitSpeedMps: positiveTo(5).optional(),
    stepsPerDay: wholeRange(0, 100000).optional(),
    psk: PskItems.optional(),
  })
  .strict();
export const Exercise = z
  .object({
    therapyStart: isoDate.optional(),
    therapyEnd: isoDate.optional(),
    measurements: z.array(Measurement).max(500),
  })
  .strict();

export const Case = z
  .object({
    asOf: isoDate,
    person: Person,
    fractures: z.array(Fracture).max(200).optional(),
    riskFactors: RiskFactors.optional(),
    dxa: z.array(DxaMeasurement).max(500).optional(),
    vfa: Vfa.optional(),
    labs: Labs.optional(),
    falls: Falls.optional(),
    fesI: z.array(fesItem).length(7).optional(),
    calcium: z
      .object({ servings: z.partialRecord(CalciumItem, range(0, 50)) })
      .strict()
      .optional(),
    medications: z.array(Medication).max(100).optional(),
    plannedMedications: z.array(z.object({ drug: Drug, from: isoDate }).strict()).max(100).optional(),
    contacts: z
      .array(z.object({ kind: z.enum(CONTACT_KINDS), date: isoDate }).strict())
      .max(500)
      .optional(),
    frax: z
      .object({
        date: isoDate,
        majorPercent: range(0, 100),
        hipPercent: range(0, 100),
        withBmd: z.boolean(),
      })
      .strict()
      .optional(),
    workupWaived: z
      .object({
        reason: z.enum(['life-expectancy', 'nursing-home', 'declined']),
        by: text(1, 200),
        date: isoDate,
      })
      .strict()
      .optional(),
    safety: Safety.optional(),
    child: Child.optional(),
    exercise: Exercise.optional(),
  })
  .strict()
  .meta({ id: 'Case', description: 'One person\'s facts for the clinical core (clinical-rules.md §1).' });

export type Case = z.infer<typeof Case>;
export type Person = z.infer<typeof Person>;
export type Fracture = z.infer<typeof Fracture>;
export type LabResult = z.infer<typeof LabResult>;
export type Medication = z.infer<typeof Medication>;
export type DxaMeasurement = z.infer<typeof DxaMeasurement>;
export type Measurement = z.infer<typeof Measurement>;
export type SppbItems = z.infer<typeof SppbItems>;
export type PskItems = z.infer<typeof PskItems>;
