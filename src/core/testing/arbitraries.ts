// fast-check generators for schema-valid Cases, for property tests of every stage: "evaluate never
// throws", determinism, monotonicity. Values cluster around the clinical boundaries (T −1.0/−2.5,
// vitamin D 30/50, eGFR 30/35/60, calcium 2.20/2.60) so properties exercise the edges, and dates
// fall in a window around asOf so recency rules fire both ways.
import fc from 'fast-check';
import { CALCIUM_ITEMS, Case, CONTACT_KINDS, DRUGS, FRACTURE_SITES, LAB_TESTS, MOBILITY, VERTEBRA_LEVELS, DXA_SITES } from '../case.schema.js';
import { addDays } from '../time/date.js';
import { acceptedUnits } from '../laboratory/units.js';

const AS_OF_BASE = '2026-11-23';

/** A date `offset` days from asOf's base, offsets chosen to include far past, recent and just-future. */
export const arbDateNear = (minDays: number, maxDays: number) =>
  fc.integer({ min: minDays, max: maxDays }).map((d) => addDays(AS_OF_BASE, d));

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
const edgy = (edges: number[], min: number, max: number) =>
  fc.oneof(fc.constantFrom(...edges), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 100) / 100));

const arbFlag = maybe(fc.boolean());

const arbSeconds = (edges: number[], max: number) => edgy(edges, 0.5, max);
/** An exercise-therapy measurement (§13), its seconds clustered on the scoring boundaries. */
export const arbMeasurement = fc.record({
  date: arbDateNear(-900, 20),
  sppb: maybe(fc.record({
    sideBySideSeconds: edgy([9.99, 10], 0, 30),
    semiTandemSeconds: maybe(edgy([9.99, 10], 0, 30)),
    tandemSeconds: maybe(edgy([2.99, 3, 9.99, 10], 0, 30)),
    gait4mSeconds: fc.option(arbSeconds([4.81, 4.82, 6.2, 6.21, 8.7, 8.71], 30), { nil: null }),
    chairStand5Seconds: fc.option(arbSeconds([11.19, 11.2, 13.69, 13.7, 16.69, 16.7, 60, 60.01], 90), { nil: null }),
  }, { requiredKeys: ['sideBySideSeconds', 'gait4mSeconds', 'chairStand5Seconds'] })),
  fourStageBalance: maybe(fc.record({ stageSeconds: fc.array(edgy([9.99, 10], 0, 30), { minLength: 1, maxLength: 4 }) })),
  chairStand30s: maybe(fc.integer({ min: 0, max: 30 })),
  tugSeconds: maybe(edgy([15, 15.1], 5, 40)),
  gaitSpeedMps: maybe(edgy([0.79, 0.8], 0.2, 2)),
  stepsPerDay: maybe(fc.integer({ min: 0, max: 20000 })),
  psk: maybe(fc.array(fc.record({ activity: fc.constantFrom('traplopen', 'Traplopen', 'boodschappen doen', 'fietsen'), score: fc.integer({ min: 0, max: 10 }) }), { minLength: 1, maxLength: 3 })),
}, { requiredKeys: ['date'] });

const arbPerson = fc.record({
  birthDate: arbDateNear(-100 * 366, -1),
  sex: fc.constantFrom('female' as const, 'male' as const),
  weightKg: maybe(edgy([59.9, 60], 10, 150)),
  heightCm: maybe(edgy([150, 175], 50, 210)),
  menopause: maybe(fc.record({
    status: fc.constantFrom('pre' as const, 'peri' as const, 'post' as const),
    ageAtMenopause: maybe(edgy([44, 45], 30, 60)),
  }, { requiredKeys: ['status'] })),
}, { requiredKeys: ['birthDate', 'sex'] });

const arbFracture = fc.record({
  date: arbDateNear(-30 * 366, 30),
  site: fc.constantFrom(...FRACTURE_SITES),
  highEnergy: arbFlag,
  pathological: arbFlag,
}, { requiredKeys: ['date', 'site'] });

const arbLab = fc.constantFrom(...LAB_TESTS).chain((test) => fc.record({
  test: fc.constant(test),
  value: edgy([0, 2.2, 2.6, 29.9, 30, 50, 59, 60, 35, 34.9, 0.39, 7.1, 121], 0, 200),
  unit: fc.constantFrom(...acceptedUnits(test)),
  date: arbDateNear(-800, 10),
  refLow: maybe(edgy([0.4, 8], 0, 10)),
  refHigh: maybe(edgy([4, 120], 5, 200)),
}, { requiredKeys: ['test', 'value', 'unit', 'date'] }));

const arbDxa = fc.record({
  date: arbDateNear(-2000, 10),
  site: fc.constantFrom(...DXA_SITES),
  tScore: maybe(edgy([-1, -2.5, -2, -0.99, -2.49], -6, 3)),
  zScore: maybe(edgy([-2, -1.99], -6, 3)),
  bmd: maybe(fc.double({ min: 0.3, max: 1.5, noNaN: true })),
}, { requiredKeys: ['date', 'site'] });

const arbMedication = fc.record({
  drug: fc.constantFrom(...DRUGS),
  start: arbDateNear(-3000, 30),
  end: maybe(arbDateNear(-2000, 60)),
  route: maybe(fc.constantFrom('oral' as const, 'iv' as const, 'sc' as const)),
  doses: maybe(fc.array(arbDateNear(-3000, 30), { maxLength: 6 })),
}, { requiredKeys: ['drug', 'start'] });

export const arbCase: fc.Arbitrary<Case> = fc.record({
  asOf: arbDateNear(-400, 400),
  person: arbPerson,
  fractures: maybe(fc.array(arbFracture, { maxLength: 5 })),
  riskFactors: maybe(fc.record({
    parentHipFracture: arbFlag, parentOrSiblingOsteoporosis: arbFlag, rheumatoidArthritis: arbFlag,
    secondaryOsteoporosisCondition: arbFlag, reducedMobility: arbFlag, sexHormoneLoweringTherapy: arbFlag,
    currentSmoker: arbFlag, alcoholUnitsPerDay: maybe(edgy([3, 4], 0, 20)), antiEpileptics: maybe(fc.integer({ min: 0, max: 3 })),
    glucocorticoids: maybe(fc.record({ mgPerDay: edgy([7.5, 7.4, 15], 0, 60), months: edgy([3, 2.9, 4], 0, 120) })),
    insufficientDaylight: arbFlag, lifeExpectancyUnderOneYear: arbFlag,
  }, { requiredKeys: [] })),
  dxa: maybe(fc.array(arbDxa, { maxLength: 6 })),
  vfa: maybe(fc.record({
    date: arbDateNear(-2000, 10),
    vertebrae: fc.uniqueArray(fc.record({
      level: fc.constantFrom(...VERTEBRA_LEVELS),
      grade: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const, 'not-evaluable' as const),
    }), { selector: (v) => v.level, maxLength: 13 }),
  })),
  labs: maybe(fc.array(arbLab, { maxLength: 12 })),
  falls: maybe(fc.record({
    fallsLast12Months: maybe(fc.integer({ min: 0, max: 6 })), injuredByFall: arbFlag, unableToGetUp: arbFlag,
    lostConsciousness: arbFlag, worriedAboutFalling: arbFlag, unsteady: arbFlag, frail: arbFlag,
    tugSeconds: maybe(edgy([15, 15.1], 3, 60)), gaitSpeedMps: maybe(edgy([0.8, 0.79], 0.1, 2)),
  }, { requiredKeys: [] })),
  fesI: maybe(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 7, maxLength: 7 })),
  calcium: maybe(fc.record({ servings: fc.dictionary(fc.constantFrom(...CALCIUM_ITEMS), fc.integer({ min: 0, max: 6 })) })),
  medications: maybe(fc.array(arbMedication, { maxLength: 3 })),
  plannedMedications: maybe(fc.array(fc.record({ drug: fc.constantFrom(...DRUGS), from: arbDateNear(-400, 400) }), { maxLength: 2 })),
  contacts: maybe(fc.array(fc.record({ kind: fc.constantFrom(...CONTACT_KINDS), date: arbDateNear(-2000, 30) }), { maxLength: 4 })),
  frax: maybe(fc.record({ date: arbDateNear(-1000, 0), majorPercent: fc.double({ min: 0, max: 100, noNaN: true }), hipPercent: fc.double({ min: 0, max: 100, noNaN: true }), withBmd: fc.boolean() })),
  workupWaived: maybe(fc.record({ reason: fc.constantFrom('life-expectancy' as const, 'nursing-home' as const, 'declined' as const), by: fc.constant('Dr. A. Jansen'), date: arbDateNear(-400, 10) })),
  safety: maybe(fc.record({
    canStayUpright30Min: arbFlag, canStayUpright60Min: arbFlag, oesophagealDisorder: arbFlag, pregnant: arbFlag,
    invasiveDentalTreatmentPlanned: arbFlag, dentalCheckDone: arbFlag, hipFractureRepairDate: maybe(arbDateNear(-400, 30)),
    historyMyocardialInfarctionOrStroke: arbFlag, venousThromboembolismHistory: arbFlag, skeletalRadiotherapy: arbFlag,
    skeletalMalignancy: arbFlag, osteomalaciaSymptoms: arbFlag,
  }, { requiredKeys: [] })),
  child: maybe(fc.record({
    mobility: fc.constantFrom(...MOBILITY),
    standingMinutesPerDay: maybe(fc.integer({ min: 0, max: 240 })),
    movementMinutesPerDay: maybe(fc.integer({ min: 0, max: 240 })),
    lastAidsCheck: maybe(arbDateNear(-800, 0)),
    heightCmAtLastAidsCheck: maybe(fc.integer({ min: 50, max: 190 })),
    indoorsMostly: arbFlag,
  }, { requiredKeys: ['mobility'] })),
  exercise: maybe(fc.record({
    therapyStart: maybe(arbDateNear(-800, 30)),
    therapyEnd: maybe(arbDateNear(-400, 60)),
    measurements: fc.array(arbMeasurement, { maxLength: 5 }),
  }, { requiredKeys: ['measurements'] })),
}, { requiredKeys: ['asOf', 'person'] })
  // Drop undefined-valued keys the way JSON would, then insist on schema validity.
  .map((c) => JSON.parse(JSON.stringify(c)) as unknown)
  .filter((c) => Case.safeParse(c).success)
  .map((c) => Case.parse(c));
