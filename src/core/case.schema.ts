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

const finite = z.number().finite();
const nonNeg = finite.nonnegative();
const flag = z.boolean().optional();

export const Person = z
  .object({
    birthDate: isoDate,
    sex: z.enum(['female', 'male']),
    weightKg: finite.positive().max(400).optional(),
    heightCm: finite.positive().max(260).optional(),
    menopause: z
      .object({
        status: z.enum(['pre', 'peri', 'post']),
        ageAtMenopause: finite.min(0).max(80).optional(),
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
    alcoholUnitsPerDay: nonNeg.max(100).optional(),
    antiEpileptics: z.number().int().min(0).max(20).optional(),
    glucocorticoids: z
      .object({ mgPerDay: nonNeg.max(1000), months: nonNeg.max(1200) })
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
    tScore: finite.min(-10).max(10).optional(),
    zScore: finite.min(-10).max(10).optional(),
    bmd: finite.positive().max(5).optional(),
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

/**
 * A lab result as entered. A unit that cannot be converted exactly (laboratory/units.ts) makes the
 * case invalid at `/labs/<i>/unit`; the check runs even when other fields of the same result are
 * bad, so every bad field is reported at once.
 */
export const LabResult = z
  .object({
    test: LabTest,
    value: finite,
    unit: z.string().min(1).max(40),
    date: isoDate,
    refLow: finite.optional(),
    refHigh: finite.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (typeof r.unit !== 'string' || !LAB_TEST_SET.has(r.test)) return;
    if (unitFactor(r.test, r.unit) === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        message: `unknown unit "${r.unit}" for ${r.test}; accepted: ${acceptedUnits(r.test).join(', ')}`,
      });
    }
  }, { when: (payload) => {
    const v = payload.value as { test?: unknown; unit?: unknown } | null;
    return typeof v === 'object' && v !== null && typeof v.unit === 'string'
      && LAB_TEST_SET.has(v.test);
  } });

export const Falls = z
  .object({
    fallsLast12Months: z.number().int().min(0).max(1000).optional(),
    injuredByFall: flag,
    unableToGetUp: flag,
    lostConsciousness: flag,
    worriedAboutFalling: flag,
    unsteady: flag,
    frail: flag,
    tugSeconds: finite.positive().max(600).optional(),
    gaitSpeedMps: finite.positive().max(5).optional(),
  })
  .strict();

const fesItem = z.number().int().min(1).max(4);

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
    standingMinutesPerDay: nonNeg.max(1440).optional(),
    movementMinutesPerDay: nonNeg.max(1440).optional(),
    lastAidsCheck: isoDate.optional(),
    heightCmAtLastAidsCheck: finite.positive().max(260).optional(),
    indoorsMostly: flag,
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
    labs: z.array(LabResult).max(2000).optional(),
    falls: Falls.optional(),
    fesI: z.array(fesItem).length(7).optional(),
    calcium: z
      .object({ servings: z.partialRecord(CalciumItem, nonNeg.max(50)) })
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
        majorPercent: finite.min(0).max(100),
        hipPercent: finite.min(0).max(100),
        withBmd: z.boolean(),
      })
      .strict()
      .optional(),
    workupWaived: z
      .object({
        reason: z.enum(['life-expectancy', 'nursing-home', 'declined']),
        by: z.string().min(1).max(200),
        date: isoDate,
      })
      .strict()
      .optional(),
    safety: Safety.optional(),
    child: Child.optional(),
  })
  .strict()
  .meta({ id: 'Case', description: 'One person\'s facts for the clinical core (clinical-rules.md §1).' });

export type Case = z.infer<typeof Case>;
export type Person = z.infer<typeof Person>;
export type Fracture = z.infer<typeof Fracture>;
export type LabResult = z.infer<typeof LabResult>;
export type Medication = z.infer<typeof Medication>;
export type DxaMeasurement = z.infer<typeof DxaMeasurement>;
