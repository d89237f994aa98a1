// What a report to the clinic means for the record and the worklist. A reported fracture becomes a
// `fracture` entry with the patient as its source, so the core reads it like any fracture until a
// clinician confirms it (a correction: the clinic's own version) or marks it entered in error.
// Falls and side effects stay reports: the clinician decides what enters the record.
import type { FractureSite } from '../case.schema.js';
import type { EntryData } from '../record/entries.js';
import type { ReportFractureCause, ReportKind } from '../record/lists.js';
import { addYears, compareDates, type IsoDate } from '../time/date.js';

/**
 * The bones a patient can name without a scan, in the order the page offers them. The spine is
 * not among them (a patient cannot tell thoracic from lumbar): "another bone" stands for it, and
 * the clinician corrects the site on confirming.
 */
export const REPORT_SITES = [
  'wrist', 'forearm', 'humerus', 'elbow', 'clavicle', 'rib', 'pelvis', 'hip', 'femur', 'patella', 'tibia', 'ankle', 'metatarsal', 'other',
] as const satisfies readonly FractureSite[];
export type ReportSite = (typeof REPORT_SITES)[number];

/** How far back a report may go: a fracture older than this no longer opens case finding (§2). */
export const REPORT_SINCE_YEARS = 2;

/** Why a report's date cannot be taken: it lies ahead, or further back than a report can go. */
export function sinceProblem(since: IsoDate, asOf: IsoDate): 'in-future' | 'too-long-ago' | undefined {
  if (compareDates(since, asOf) > 0) return 'in-future';
  if (compareDates(since, addYears(asOf, -REPORT_SINCE_YEARS)) < 0) return 'too-long-ago';
  return undefined;
}

/** The fracture entry a reported fracture becomes: the day it broke, the site, and how (when known). */
export function fractureEntryOf(r: { since: IsoDate; site: ReportSite; cause: ReportFractureCause }): { kind: 'fracture'; date: IsoDate; data: EntryData['fracture'] } {
  const data: EntryData['fracture'] = { site: r.site };
  if (r.cause === 'low-fall') data.highEnergy = false;
  if (r.cause === 'accident') data.highEnergy = true;
  return { kind: 'fracture', date: r.since, data };
}

/** The worklist's reason code of a report's alert: what was reported. */
export const reportReason = (kind: ReportKind): string => `report-${kind}`;

/** The worklist key of a report's alert: one per report and organisation. */
export const reportItemKey = (reportId: string): string => `report:${reportId}`;

/** The report a worklist key is about, or undefined when the item is no report's alert. */
export function reportIdOfKey(key: string): string | undefined {
  const m = /^report:([0-9a-f-]{36})$/.exec(key);
  return m?.[1];
}
