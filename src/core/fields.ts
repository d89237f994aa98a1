// Every field path of the Case with one getter each, so a rule's read is a direct property access
// rather than a walk over a split path string. The mapped type makes a
// missing or extra path a compile error; reader.test.ts checks each getter against the path it is
// filed under, over generated cases.
import type { Case } from './case.schema.js';
import type { At, FieldPath } from './reader.js';

/** A field of the Case: its dotted path and the function that reads it. */
export interface Field<P extends FieldPath> {
  readonly path: P;
  readonly get: (c: Case) => At<Case, P> | undefined;
}
const field = <P extends FieldPath>(path: P, get: (c: Case) => At<Case, P> | undefined): Field<P> => Object.freeze({ path, get });

/**
 * Every field of the Case by its path; rules read `r.read(F['falls.tugSeconds'])`. A constant key on
 * this object is a plain property load, so a read costs a call and a store, no lookup by string.
 */
export const F: { readonly [P in FieldPath]: Field<P> } = {
  'asOf': field('asOf', (c) => c.asOf),
  'calcium': field('calcium', (c) => c.calcium),
  'calcium.servings': field('calcium.servings', (c) => c.calcium?.servings),
  'calcium.servings.calcium-enriched-soy-glass': field('calcium.servings.calcium-enriched-soy-glass', (c) => c.calcium?.servings['calcium-enriched-soy-glass']),
  'calcium.servings.cheese-slice': field('calcium.servings.cheese-slice', (c) => c.calcium?.servings['cheese-slice']),
  'calcium.servings.cheese-spread-portion': field('calcium.servings.cheese-spread-portion', (c) => c.calcium?.servings['cheese-spread-portion']),
  'calcium.servings.milk-glass': field('calcium.servings.milk-glass', (c) => c.calcium?.servings['milk-glass']),
  'calcium.servings.yoghurt-bowl': field('calcium.servings.yoghurt-bowl', (c) => c.calcium?.servings['yoghurt-bowl']),
  'child': field('child', (c) => c.child),
  'child.heightCmAtLastAidsCheck': field('child.heightCmAtLastAidsCheck', (c) => c.child?.heightCmAtLastAidsCheck),
  'child.indoorsMostly': field('child.indoorsMostly', (c) => c.child?.indoorsMostly),
  'child.lastAidsCheck': field('child.lastAidsCheck', (c) => c.child?.lastAidsCheck),
  'child.mobility': field('child.mobility', (c) => c.child?.mobility),
  'child.movementMinutesPerDay': field('child.movementMinutesPerDay', (c) => c.child?.movementMinutesPerDay),
  'child.standingMinutesPerDay': field('child.standingMinutesPerDay', (c) => c.child?.standingMinutesPerDay),
  'contacts': field('contacts', (c) => c.contacts),
  'dxa': field('dxa', (c) => c.dxa),
  'falls': field('falls', (c) => c.falls),
  'falls.fallsLast12Months': field('falls.fallsLast12Months', (c) => c.falls?.fallsLast12Months),
  'falls.frail': field('falls.frail', (c) => c.falls?.frail),
  'falls.gaitSpeedMps': field('falls.gaitSpeedMps', (c) => c.falls?.gaitSpeedMps),
  'falls.injuredByFall': field('falls.injuredByFall', (c) => c.falls?.injuredByFall),
  'falls.lostConsciousness': field('falls.lostConsciousness', (c) => c.falls?.lostConsciousness),
  'falls.tugSeconds': field('falls.tugSeconds', (c) => c.falls?.tugSeconds),
  'falls.unableToGetUp': field('falls.unableToGetUp', (c) => c.falls?.unableToGetUp),
  'falls.unsteady': field('falls.unsteady', (c) => c.falls?.unsteady),
  'falls.worriedAboutFalling': field('falls.worriedAboutFalling', (c) => c.falls?.worriedAboutFalling),
  'fesI': field('fesI', (c) => c.fesI),
  'fractures': field('fractures', (c) => c.fractures),
  'frax': field('frax', (c) => c.frax),
  'frax.date': field('frax.date', (c) => c.frax?.date),
  'frax.hipPercent': field('frax.hipPercent', (c) => c.frax?.hipPercent),
  'frax.majorPercent': field('frax.majorPercent', (c) => c.frax?.majorPercent),
  'frax.withBmd': field('frax.withBmd', (c) => c.frax?.withBmd),
  'labs': field('labs', (c) => c.labs),
  'medications': field('medications', (c) => c.medications),
  'person': field('person', (c) => c.person),
  'person.birthDate': field('person.birthDate', (c) => c.person.birthDate),
  'person.heightCm': field('person.heightCm', (c) => c.person.heightCm),
  'person.menopause': field('person.menopause', (c) => c.person.menopause),
  'person.menopause.ageAtMenopause': field('person.menopause.ageAtMenopause', (c) => c.person.menopause?.ageAtMenopause),
  'person.menopause.status': field('person.menopause.status', (c) => c.person.menopause?.status),
  'person.sex': field('person.sex', (c) => c.person.sex),
  'person.weightKg': field('person.weightKg', (c) => c.person.weightKg),
  'plannedMedications': field('plannedMedications', (c) => c.plannedMedications),
  'riskFactors': field('riskFactors', (c) => c.riskFactors),
  'riskFactors.alcoholUnitsPerDay': field('riskFactors.alcoholUnitsPerDay', (c) => c.riskFactors?.alcoholUnitsPerDay),
  'riskFactors.antiEpileptics': field('riskFactors.antiEpileptics', (c) => c.riskFactors?.antiEpileptics),
  'riskFactors.currentSmoker': field('riskFactors.currentSmoker', (c) => c.riskFactors?.currentSmoker),
  'riskFactors.glucocorticoids': field('riskFactors.glucocorticoids', (c) => c.riskFactors?.glucocorticoids),
  'riskFactors.glucocorticoids.mgPerDay': field('riskFactors.glucocorticoids.mgPerDay', (c) => c.riskFactors?.glucocorticoids?.mgPerDay),
  'riskFactors.glucocorticoids.months': field('riskFactors.glucocorticoids.months', (c) => c.riskFactors?.glucocorticoids?.months),
  'riskFactors.insufficientDaylight': field('riskFactors.insufficientDaylight', (c) => c.riskFactors?.insufficientDaylight),
  'riskFactors.lifeExpectancyUnderOneYear': field('riskFactors.lifeExpectancyUnderOneYear', (c) => c.riskFactors?.lifeExpectancyUnderOneYear),
  'riskFactors.parentHipFracture': field('riskFactors.parentHipFracture', (c) => c.riskFactors?.parentHipFracture),
  'riskFactors.parentOrSiblingOsteoporosis': field('riskFactors.parentOrSiblingOsteoporosis', (c) => c.riskFactors?.parentOrSiblingOsteoporosis),
  'riskFactors.reducedMobility': field('riskFactors.reducedMobility', (c) => c.riskFactors?.reducedMobility),
  'riskFactors.rheumatoidArthritis': field('riskFactors.rheumatoidArthritis', (c) => c.riskFactors?.rheumatoidArthritis),
  'riskFactors.secondaryOsteoporosisCondition': field('riskFactors.secondaryOsteoporosisCondition', (c) => c.riskFactors?.secondaryOsteoporosisCondition),
  'riskFactors.sexHormoneLoweringTherapy': field('riskFactors.sexHormoneLoweringTherapy', (c) => c.riskFactors?.sexHormoneLoweringTherapy),
  'safety': field('safety', (c) => c.safety),
  'safety.canStayUpright30Min': field('safety.canStayUpright30Min', (c) => c.safety?.canStayUpright30Min),
  'safety.canStayUpright60Min': field('safety.canStayUpright60Min', (c) => c.safety?.canStayUpright60Min),
  'safety.dentalCheckDone': field('safety.dentalCheckDone', (c) => c.safety?.dentalCheckDone),
  'safety.hipFractureRepairDate': field('safety.hipFractureRepairDate', (c) => c.safety?.hipFractureRepairDate),
  'safety.historyMyocardialInfarctionOrStroke': field('safety.historyMyocardialInfarctionOrStroke', (c) => c.safety?.historyMyocardialInfarctionOrStroke),
  'safety.invasiveDentalTreatmentPlanned': field('safety.invasiveDentalTreatmentPlanned', (c) => c.safety?.invasiveDentalTreatmentPlanned),
  'safety.oesophagealDisorder': field('safety.oesophagealDisorder', (c) => c.safety?.oesophagealDisorder),
  'safety.osteomalaciaSymptoms': field('safety.osteomalaciaSymptoms', (c) => c.safety?.osteomalaciaSymptoms),
  'safety.pregnant': field('safety.pregnant', (c) => c.safety?.pregnant),
  'safety.skeletalMalignancy': field('safety.skeletalMalignancy', (c) => c.safety?.skeletalMalignancy),
  'safety.skeletalRadiotherapy': field('safety.skeletalRadiotherapy', (c) => c.safety?.skeletalRadiotherapy),
  'safety.venousThromboembolismHistory': field('safety.venousThromboembolismHistory', (c) => c.safety?.venousThromboembolismHistory),
  'vfa': field('vfa', (c) => c.vfa),
  'vfa.date': field('vfa.date', (c) => c.vfa?.date),
  'vfa.vertebrae': field('vfa.vertebrae', (c) => c.vfa?.vertebrae),
  'workupWaived': field('workupWaived', (c) => c.workupWaived),
  'workupWaived.by': field('workupWaived.by', (c) => c.workupWaived?.by),
  'workupWaived.date': field('workupWaived.date', (c) => c.workupWaived?.date),
  'workupWaived.reason': field('workupWaived.reason', (c) => c.workupWaived?.reason),
};
