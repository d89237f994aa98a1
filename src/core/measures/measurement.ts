// One measurement scored whole (clinical-rules.md §13): each instrument by its own function in
// scoring.ts, the chair-stand norm for the age on the day measured, TUG and gait speed against the
// fall-risk cut-offs of §10, the Short FES-I in its bands. The API's list and the progress charts
// both read a measurement through this, so a score never differs between them. PSK change needs the
// other measurements and is `scorePsk`'s.
import type { Measurement } from '../case.schema.js';
import { fesILevel, GAIT_SLOW_BELOW_MPS, TUG_SLOW_ABOVE_S, type FearLevel } from '../falls/fall-risk.js';
import type { IsoDate } from '../time/date.js';
import {
  ageAtMeasurement, scoreChairStand30s, scoreFourStageBalance, scoreSppb, type ChairStand30sScore, type FourStageBalanceScore, type SppbScore,
} from './scoring.js';

export interface MeasurementScores {
  sppb?: SppbScore;
  fourStageBalance?: FourStageBalanceScore;
  chairStand30s?: ChairStand30sScore & { age: number; sex: 'female' | 'male' };
  tug?: { seconds: number; slow: boolean };
  gaitSpeed?: { mps: number; slow: boolean };
  fesI?: { score: number; level: FearLevel };
}

/** The raw items of a measurement as the record keeps them (the Short FES-I answers beside them). */
export type MeasuredItems = Omit<Measurement, 'date' | 'psk'> & { fesI?: readonly number[] | undefined };

export function scoreMeasurement(person: { birthDate: IsoDate; sex: 'female' | 'male' }, date: IsoDate, d: MeasuredItems): MeasurementScores {
  const out: MeasurementScores = {};
  if (d.sppb) out.sppb = scoreSppb(d.sppb);
  if (d.fourStageBalance) out.fourStageBalance = scoreFourStageBalance(d.fourStageBalance.stageSeconds);
  if (d.chairStand30s !== undefined) {
    const age = ageAtMeasurement(person.birthDate, { date });
    out.chairStand30s = { ...scoreChairStand30s(d.chairStand30s, age, person.sex), age, sex: person.sex };
  }
  if (d.tugSeconds !== undefined) out.tug = { seconds: d.tugSeconds, slow: d.tugSeconds > TUG_SLOW_ABOVE_S };
  if (d.gaitSpeedMps !== undefined) out.gaitSpeed = { mps: d.gaitSpeedMps, slow: d.gaitSpeedMps < GAIT_SLOW_BELOW_MPS };
  if (d.fesI) out.fesI = fesILevel(d.fesI);
  return out;
}
