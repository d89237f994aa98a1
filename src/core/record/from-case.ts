// A Case turned into record entries: how a Case from elsewhere (an import, the demo data, a file
// for `botpad evaluate`) becomes facts of the record, each with the date it belongs to. Facts
// that the Case holds without their own date (a weight, the risk factors, the calcium intake) are
// dated on the Case's asOf. The projection of these entries on that asOf gives the Case back,
// with the exceptions the Case cannot carry over exactly (projection.test.ts pins them):
// a glucocorticoid course's months count whole months; falls become one screening answer (and
// one fall carrying the flags); a dental check that was not done is not recorded; an end of
// therapy needs its start; a measured TUG or gait speed also counts as the falls' most recent test; a height at an aids check needs the check's date; an empty VFA,
// a scan or draw with a site or test twice is split or left out.
import type { Case } from '../case.schema.js';
import { addMonths, type IsoDate } from '../time/date.js';
import type { RecordEntry } from './entries.js';

/** Groups by date, starting a new group when the key is already in the current one. */
function groups<T extends { date: IsoDate }>(list: readonly T[], key: (x: T) => string): { date: IsoDate; items: T[] }[] {
  const out: { date: IsoDate; items: T[]; keys: Set<string> }[] = [];
  for (const x of list) {
    const open = out.find((g) => g.date === x.date && !g.keys.has(key(x)));
    if (open) {
      open.items.push(x);
      open.keys.add(key(x));
    } else out.push({ date: x.date, items: [x], keys: new Set([key(x)]) });
  }
  return out;
}

const strip = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function entriesFromCase(c: Case): RecordEntry[] {
  const at = c.asOf;
  const out: RecordEntry[] = [];
  const p = c.person;
  if (p.weightKg !== undefined) out.push({ kind: 'weight', date: at, data: { kg: p.weightKg } });
  if (p.heightCm !== undefined) out.push({ kind: 'height', date: at, data: { cm: p.heightCm } });
  if (p.menopause) out.push({ kind: 'menopause', date: at, data: { ...p.menopause } });
  for (const f of c.fractures ?? []) out.push({ kind: 'fracture', date: f.date, data: strip({ site: f.site, highEnergy: f.highEnergy, pathological: f.pathological }) });
  if (c.riskFactors) {
    const { glucocorticoids, ...rest } = c.riskFactors;
    if (Object.values(rest).some((v) => v !== undefined)) out.push({ kind: 'risk-factors', date: at, data: strip(rest) });
    if (glucocorticoids) {
      out.push({ kind: 'glucocorticoid-course', date: addMonths(at, -Math.floor(glucocorticoids.months)), data: { mgPerDay: glucocorticoids.mgPerDay } });
    }
  }
  for (const g of groups(c.dxa ?? [], (d) => d.site)) {
    out.push({ kind: 'dxa', date: g.date, data: { sites: g.items.map(({ date: _d, ...s }) => s) } });
  }
  if (c.vfa && c.vfa.vertebrae.length > 0) out.push({ kind: 'vfa', date: c.vfa.date, data: { vertebrae: c.vfa.vertebrae.map((v) => ({ ...v })) } });
  for (const g of groups(c.labs ?? [], (l) => l.test)) {
    out.push({ kind: 'labs', date: g.date, data: { results: g.items.map(({ date: _d, ...r }) => r) } });
  }
  if (c.falls) {
    const { injuredByFall, unableToGetUp, lostConsciousness, ...screen } = c.falls;
    const flags = strip({ injured: injuredByFall, unableToGetUp, lostConsciousness });
    if (Object.keys(flags).length > 0) out.push({ kind: 'fall', date: at, data: flags });
    if (Object.values(screen).some((v) => v !== undefined)) out.push({ kind: 'falls-screen', date: at, data: strip(screen) });
  }
  if (c.fesI) out.push({ kind: 'fes-i', date: at, data: { answers: [...c.fesI] } });
  if (c.calcium) out.push({ kind: 'calcium', date: at, data: { servings: { ...c.calcium.servings } } });
  for (const m of c.medications ?? []) {
    out.push({ kind: 'medication', date: m.start, data: strip({ drug: m.drug, route: m.route, end: m.end }) });
    for (const d of m.doses ?? []) out.push({ kind: 'medication-dose', date: d, data: { drug: m.drug } });
  }
  for (const pm of c.plannedMedications ?? []) out.push({ kind: 'planned-medication', date: at, data: { ...pm } });
  for (const x of c.contacts ?? []) out.push({ kind: 'contact', date: x.date, data: { kind: x.kind } });
  if (c.frax) {
    const { date, ...frax } = c.frax;
    out.push({ kind: 'frax', date, data: frax });
  }
  if (c.workupWaived) out.push({ kind: 'workup-waived', date: c.workupWaived.date, data: { reason: c.workupWaived.reason, by: c.workupWaived.by } });
  if (c.safety) {
    const { dentalCheckDone, ...rest } = c.safety;
    if (Object.values(rest).some((v) => v !== undefined)) out.push({ kind: 'safety', date: at, data: strip(rest) });
    if (dentalCheckDone === true) out.push({ kind: 'dental-check', date: at, data: {} });
  }
  if (c.child) {
    const { lastAidsCheck, heightCmAtLastAidsCheck, ...child } = c.child;
    out.push({ kind: 'child', date: at, data: strip(child) });
    if (lastAidsCheck !== undefined) out.push({ kind: 'aids-check', date: lastAidsCheck, data: strip({ heightCm: heightCmAtLastAidsCheck }) });
  }
  if (c.exercise) {
    const { therapyStart, therapyEnd, measurements } = c.exercise;
    if (therapyStart !== undefined) out.push({ kind: 'exercise-therapy', date: therapyStart, data: strip({ end: therapyEnd }) });
    for (const { date, ...m } of measurements) out.push({ kind: 'exercise-measurement', date, data: strip(m) });
  }
  return out;
}
