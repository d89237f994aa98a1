// follow-up.schedule and handover.gp (clinical-rules.md §8): the visits after treatment starts
// (3 months, 1 year, then yearly) with their status, and whether the GP can take over.
// Sources: PATHWAY-UMC (schedule, GP hand-over), FLS-DB and IOF-KPI (timing), BOTPAD-POLICY
// (how a recorded contact is matched to a visit).
import type { Case } from '../case.schema.js';
import { explain } from '../explain.js';
import { CATALOGUE, isCurrent, plannedPath, routeOf } from '../medication/index.js';
import type { Finding, Lang, LangText, Rule } from '../rule.js';
import { Reader, D } from '../reader.js';
import type { Settings } from '../settings.js';
import type { IsoDate } from '../time/date.js';
import { addDays, addMonths, ageOn, compareDates, earliestOf } from '../time/date.js';
import { day } from '../text.js';
import { F } from '../fields.js';
import { criteria } from '../reader.js';

/** The criteria this file's rules check (`r.check(C[id], met)`). */
const C = criteria(['3-months-contact-done', '1-year-contact-done', 'overdue-visit', 'oral-or-denosumab-only', 'one-year-contact-done', 'age-50-plus-at-onset']);

export type FollowUpKind = '3-months' | '1-year' | 'yearly';
export type FollowUpStatus = 'planned' | 'due' | 'overdue' | 'done';
export interface FollowUpItem { kind: FollowUpKind; due: IsoDate; status: FollowUpStatus }

const cmp = compareDates;

/** Treatment start: the first osteoporosis medication started on or before asOf. */
export function treatmentStart(c: Case): IsoDate | undefined {
  return earliestOf(c.medications, (m) => (cmp(m.start, c.asOf) <= 0 ? m.start : undefined));
}

/**
 * planned before the due date; due from the due date for `graceDays`; overdue after that; done
 * when a matching contact is recorded. A yearly visit is matched by a yearly (or review) contact
 * within half a year either side, so a visit moved by a few months still counts. A contact dated
 * before the treatment start is never follow-up of that treatment (§8).
 */
export function itemStatus(kind: FollowUpKind, due: IsoDate, c: Case, s: Settings, start: IsoDate): FollowUpStatus {
  const contacts = c.contacts ?? [];
  const done = contacts.some((k) => cmp(k.date, start) >= 0 && (kind === 'yearly'
    ? (k.kind === 'yearly' || k.kind === 'review') && cmp(k.date, addMonths(due, -6)) > 0 && cmp(k.date, addMonths(due, 6)) <= 0
    : k.kind === kind));
  if (done) return 'done';
  if (cmp(c.asOf, due) < 0) return 'planned';
  return cmp(c.asOf, addDays(due, s.overdueGraceDays)) > 0 ? 'overdue' : 'due';
}

export function followUpItems(start: IsoDate, c: Case, s: Settings): FollowUpItem[] {
  const items: FollowUpItem[] = [];
  const push = (kind: FollowUpKind, due: IsoDate) => items.push({ kind, due, status: itemStatus(kind, due, c, s, start) });
  push('3-months', addMonths(start, 3));
  push('1-year', addMonths(start, 12));
  // Yearly visits up to and including the first one still ahead of asOf.
  for (let year = 2; year < 200; year++) {
    const due = addMonths(start, 12 * year);
    push('yearly', due);
    if (cmp(due, c.asOf) > 0) break;
  }
  return items;
}

export const scheduleRule: Rule = {
  id: 'follow-up.schedule',
  stage: 'follow-up',
  source: ['PATHWAY-UMC', 'NIV-2022', 'BOTPAD-POLICY'],
  inputs: ['asOf', 'medications', 'contacts', 'settings.overdueGraceDays'],
  codes: ['follow-up.schedule'],
  derived: ['treatment-start'],
  criteria: ['3-months-contact-done', '1-year-contact-done', 'overdue-visit'],
  about: explain({
    patientNl: 'Wanneer u terugkomt na de start van uw medicijn.',
    patientEn: 'When you come back after starting your medicine.',
    clinicianNl: 'Controles na start van de behandeling: na 3 maanden, na 1 jaar, daarna jaarlijks; status gepland, nu, te laat of gedaan.',
    clinicianEn: 'Visits after treatment start: at 3 months, at 1 year, then yearly; status planned, due, overdue or done.',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    const s = r.settings;
    const t = r;
    t.read(F['asOf']);
    const start = treatmentStart(c);
    if (start === undefined) return [];
    t.read(F['medications']);
    t.derived(D['treatment-start'], start);
    t.read(F['contacts']);
    t.setting('overdueGraceDays');
    const items = followUpItems(start, c, s);
    for (const i of items) if (i.kind !== 'yearly') t.check(i.kind === '3-months' ? C['3-months-contact-done'] : C['1-year-contact-done'], i.status === 'done');
    t.check(C['overdue-visit'], items.some((i) => i.status === 'overdue'));
    const overdue = items.filter((i) => i.status === 'overdue');
    const next = items.find((i) => i.status !== 'done');
    const label = (i: FollowUpItem, lang: 'nl' | 'en') => ({
      '3-months': lang === 'nl' ? 'de controle na 3 maanden' : 'the 3-month visit',
      '1-year': lang === 'nl' ? 'de controle na 1 jaar' : 'the 1-year visit',
      yearly: lang === 'nl' ? 'de jaarlijkse controle' : 'the yearly visit',
    })[i.kind];
    const f: Finding = {
      code: 'follow-up.schedule',
      value: { items },
      severity: overdue.length > 0 ? 'attention' : 'info',
      reads: t,
      explanation: (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: overdue.length > 0
          ? `U had al terug moeten komen voor ${label(overdue[0]!, 'nl')} (${day(overdue[0]!.due, 'nl')}). Maak een nieuwe afspraak.`
          : next ? `Uw volgende controle is ${label(next, 'nl')}, rond ${day(next.due, 'nl')}.` : 'Uw controles zijn gedaan.',
            clinician: `Start behandeling ${start}; ${items.map((i) => `${i.kind} ${i.due}: ${i.status}`).join('; ')}. Te laat na ${s.overdueGraceDays} dagen.`,
          }
        : {
            patient: overdue.length > 0
          ? `You should already have come back for ${label(overdue[0]!, 'en')} (${day(overdue[0]!.due, 'en')}). Please make a new appointment.`
          : next ? `Your next check-up is ${label(next, 'en')}, around ${day(next.due, 'en')}.` : 'Your check-ups are done.',
            clinician: `Treatment start ${start}; ${items.map((i) => `${i.kind} ${i.due}: ${i.status}`).join('; ')}. Overdue after ${s.overdueGraceDays} days.`,
          },
    };
    return [f];
  },
};

// ---------------------------------------------------------------------------------------------
export const HANDOVER_REASONS = [
  'oral-or-denosumab-only', 'one-year-contact-done', 'age-50-plus-at-onset',
  'iv-medication', 'other-medication', 'no-one-year-contact', 'under-50-at-onset', 'onset-unknown', 'route-unknown', 'no-current-medication',
] as const;

export const handoverRule: Rule = {
  id: 'handover.gp',
  stage: 'follow-up',
  source: ['PATHWAY-UMC'],
  inputs: ['asOf', 'person.birthDate', 'medications', 'plannedMedications', 'contacts', 'fractures', 'dxa'],
  codes: ['handover.gp'],
  derived: ['onset-age', 'onset-date'],
  criteria: ['oral-or-denosumab-only', 'one-year-contact-done', 'age-50-plus-at-onset'],
  about: explain({
    patientNl: 'Of uw huisarts de zorg van het ziekenhuis kan overnemen.',
    patientEn: 'Whether your GP can take over your care from the hospital.',
    clinicianNl: 'Overdracht naar de huisarts: alleen oraal middel of denosumab, 1-jaarscontrole gedaan, geen infuus lopend of gepland, ≥ 50 jaar bij eerste fractuur of DXA.',
    clinicianEn: 'GP hand-over: only an oral drug or denosumab, 1-year visit done, no infusion current or planned, ≥ 50 at the first fracture or DXA.',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    const t = r;
    const current = (c.medications ?? []).map((m, i) => ({ m, i })).filter(({ m }) => isCurrent(m, c.asOf));
    const planned = (c.plannedMedications ?? []).map((p, i) => ({ p, i }));
    if (current.length === 0 && planned.length === 0) return [];
    const ok: string[] = [];
    const no: string[] = [];

    let allOralOrDenosumab = true;
    for (const { m, i } of current) {
      const route = routeOf(m.drug, t.med(i, m, 'route'));
      t.med(i, m, 'drug');
      if (route === undefined) { allOralOrDenosumab = false; if (!no.includes('route-unknown')) no.push('route-unknown'); }
      else if (route === 'iv') { allOralOrDenosumab = false; if (!no.includes('iv-medication')) no.push('iv-medication'); }
      else if (route !== 'oral' && m.drug !== 'denosumab') { allOralOrDenosumab = false; if (!no.includes('other-medication')) no.push('other-medication'); }
    }
    for (const { p, i } of planned) {
      t.note(plannedPath(i), p);
      const routes = CATALOGUE[p.drug].regimens.map((r) => r.route);
      if (routes.every((r) => r === 'iv')) { allOralOrDenosumab = false; if (!no.includes('iv-medication')) no.push('iv-medication'); }
    }
    if (allOralOrDenosumab && current.length > 0) ok.push('oral-or-denosumab-only');
    else if (current.length === 0) no.push('no-current-medication');

    const oneYear = (c.contacts ?? []).find((k) => k.kind === '1-year');
    t.note('contacts.1-year', oneYear?.date);
    (oneYear ? ok : no).push(oneYear ? 'one-year-contact-done' : 'no-one-year-contact');

    // The earliest fracture or DXA date.
    const first = earliestOf([earliestOf(c.fractures, (f) => f.date), earliestOf(c.dxa, (d) => d.date)], (d) => d);
    if (first === undefined) {
      t.miss('fractures');
      t.miss('dxa');
      no.push('onset-unknown');
    } else {
      const age = ageOn(t.read(F['person.birthDate'])!, first);
      t.derived(D['onset-date'], first);
      t.derived(D['onset-age'], age);
      (age >= 50 ? ok : no).push(age >= 50 ? 'age-50-plus-at-onset' : 'under-50-at-onset');
    }
    t.check(C['oral-or-denosumab-only'], ok.includes('oral-or-denosumab-only'));
    t.check(C['one-year-contact-done'], oneYear !== undefined);
    t.check(C['age-50-plus-at-onset'], ok.includes('age-50-plus-at-onset') ? true : first === undefined ? undefined : false);
    const eligible = no.length === 0;
    const reasons = eligible ? ok : no;
    return [{
      code: 'handover.gp',
      value: { eligible, reasons },
      severity: 'info',
      reads: t,
      explanation: (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: eligible
          ? 'Uw huisarts kan uw zorg voor osteoporose nu overnemen. U hoeft dan niet meer naar het ziekenhuis voor controle.'
          : 'U blijft voorlopig onder controle bij het ziekenhuis.',
            clinician: `Overdracht huisarts ${eligible ? 'mogelijk' : 'nog niet'}: ${reasons.join(', ')}.`,
          }
        : {
            patient: eligible
          ? 'Your GP can now take over your osteoporosis care. You then no longer need hospital check-ups.'
          : 'For now you stay under hospital follow-up.',
            clinician: `GP hand-over ${eligible ? 'possible' : 'not yet'}: ${reasons.join(', ')}.`,
          },
    }];
  },
};
