// Keeping the quality rows true: each patient's standing on the dashboard's indicators is judged by
// the core (core/quality/indicators.ts) from the same derivation sources as the worklist, in the
// same transaction, whenever their record or logistics change and in the daily run, since a target
// turns not met with the day alone (services/worklist-derive.ts calls this).
import { qualityRow, type QualityFacts } from '../core/quality/indicators.js';
import { projectCaseWithSources, type ProjectedPerson } from '../core/record/projection.js';
import type { RecordEntry } from '../core/record/entries.js';
import type { Settings } from '../core/settings.js';
import type { Tx } from '../store/db.js';
import { applyQuality, qualitySources, type QualitySource, type WantedQualityRow } from '../store/quality.repo.js';
import type { DerivationSource } from '../store/worklist.repo.js';

/** The rows `src` should have, one per hospital whose care they are in and where a fracture brought them in. */
async function wantedFor(src: DerivationSource, q: QualitySource | undefined, asOf: string, settingsOf: (organisationId: string) => Promise<Settings>): Promise<WantedQualityRow[]> {
  if (src.organisations.length === 0 || q === undefined) return [];
  const person: ProjectedPerson = { birthDate: src.birth_date, sex: src.sex };
  const c = projectCaseWithSources(person, src.entries as RecordEntry[], asOf, src.loading).case;
  const fallsScreens = src.entries.filter((e) => e.kind === 'falls-screen').map((e) => e.date);
  const out: WantedQualityRow[] = [];
  for (const organisationId of src.organisations) {
    const facts: QualityFacts = {
      enteredCare: q.careSince[organisationId] ?? asOf,
      assessmentsSigned: q.assessmentsSigned, decisions: q.decisions, fallsScreens, careEnd: q.careEnd,
    };
    const r = qualityRow(c, await settingsOf(organisationId), facts);
    if (r === undefined) continue;
    out.push({
      organisationId, patientId: src.id, indexFracture: r.indexFracture, fractureSite: r.fractureSite, clinicianId: r.clinician,
      outcomes: r.outcomes, iofTwelveWeeks: r.iofTwelveWeeks, missing: r.missing,
    });
  }
  return out;
}

/**
 * Re-judges these patients' quality rows on `asOf` inside the caller's transaction, from the
 * sources the worklist's derivation already read; returns the rows changed. `failed` given: a
 * patient whose judgement fails is named there and skipped (the daily run); otherwise it fails
 * the write, as the worklist's derivation does.
 */
export async function refreshQuality(
  db: Tx,
  patientIds: readonly string[],
  sources: readonly DerivationSource[],
  asOf: string,
  settingsOf: (organisationId: string) => Promise<Settings>,
  failed?: string[],
): Promise<number> {
  if (patientIds.length === 0) return 0;
  const facts = await qualitySources(db, sources.map((s) => s.id));
  const wanted: WantedQualityRow[] = [];
  const done: string[] = [];
  for (const src of sources) {
    try {
      wanted.push(...(await wantedFor(src, facts.get(src.id), asOf, settingsOf)));
      done.push(src.id);
    } catch (e) {
      if (failed === undefined) throw e;
      if (!failed.includes(src.id)) failed.push(src.id);
    }
  }
  // Merged records are among the ids but not among the sources: their rows go.
  const found = new Set(sources.map((s) => s.id));
  return applyQuality(db, [...done, ...patientIds.filter((id) => !found.has(id))], wanted, asOf);
}
