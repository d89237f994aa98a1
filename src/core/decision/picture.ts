// The patient's own picture for the shared decision: the core's findings that matter for the choice
// (why medicine is advised, the bone density category with the lowest T-score, the fractures) and,
// only when the clinician entered them from the official FRAX tool (Case.frax), the 10-year risks
// of a major and of a hip fracture as icon arrays of 100 people. Botpad never computes FRAX
// (clinical-rules.md): without an entered FRAX there is no risk figure at all.
// An icon array shows a risk as so many people out of 100, the form the decision aids of peers.md
// use because counts of people are read more reliably than percentages.
import type { Case, FractureSite } from '../case.schema.js';
import type { Settings } from '../settings.js';
import type { IsoDate } from '../time/date.js';
import { compareDates } from '../time/date.js';
import { knownFractures, isLowEnergy } from '../case-finding/fractures.js';
import { bmdCategory, type BmdCategoryName } from '../diagnosis/bmd.js';
import { assessIndication, type IndicationReason } from '../treatment/indication.js';

export const ICON_ARRAY_SIZE = 100;
export const ICON_ARRAY_COLUMNS = 10;

/** A risk in percent shown as people out of 100. */
export interface IconArray {
  /** The risk as entered, in percent. */
  percent: number;
  /** People out of 100 who get the fracture: the percent rounded half up to whole people. */
  affected: number;
  unaffected: number;
  /** A risk above 0 that rounds to nobody: the words say "fewer than 1 in 100", never "0". */
  belowOne: boolean;
  /** The 100 cells row by row, `true` for an affected person; the affected fill from the start. */
  cells: boolean[];
}

/** The icon array of a risk of `percent` (0–100). */
export function iconArray(percent: number): IconArray {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) throw new RangeError(`a risk is 0 to 100 percent, not ${String(percent)}`);
  // Half up on the hundredths first, so 12.5 shows 13 people whatever the float's last bit says.
  const affected = Math.min(ICON_ARRAY_SIZE, Math.floor(Math.round(percent * 100) / 100 + 0.5));
  return {
    percent,
    affected,
    unaffected: ICON_ARRAY_SIZE - affected,
    belowOne: percent > 0 && affected === 0,
    cells: Array.from({ length: ICON_ARRAY_SIZE }, (_, i) => i < affected),
  };
}

export interface PatientPicture {
  /** Why the core advises medicine (`treatment.medication-indicated`); empty when it does not. */
  indicationReasons: IndicationReason[];
  /** The bone density category of the latest DXA, with its lowest score; null without a DXA. */
  bmd: { category: BmdCategoryName; scoreType: 'T' | 'Z'; score: number; date: IsoDate } | null;
  /** The fractures known on the day, newest first; `lowEnergy` as the core reads them. */
  fractures: { site: FractureSite; date: IsoDate; lowEnergy: boolean }[];
  /** The FRAX risks as the clinician entered them; null when none were entered. */
  frax: { date: IsoDate; withBmd: boolean; major: IconArray; hip: IconArray } | null;
}

export function patientPicture(c: Case, settings: Settings): PatientPicture {
  const a = assessIndication(c, settings);
  const b = bmdCategory(c, settings);
  const frax = c.frax && compareDates(c.frax.date, c.asOf) <= 0 ? c.frax : undefined;
  return {
    indicationReasons: [...a.reasons],
    bmd: b ? { category: b.category, scoreType: b.scoreType, score: b.score, date: b.date } : null,
    fractures: knownFractures(c)
      .sort((x, y) => compareDates(y.date, x.date))
      .map((f) => ({ site: f.site, date: f.date, lowEnergy: isLowEnergy(f) })),
    frax: frax ? { date: frax.date, withBmd: frax.withBmd, major: iconArray(frax.majorPercent), hip: iconArray(frax.hipPercent) } : null,
  };
}
