// The record's forms in both languages: a fact typed as a person types it becomes the entry the
// use case stores, and every problem (a number that is none, a value out of range, a unit the
// laboratory table does not know, a date after today, a form with nothing in it) is said at its own
// field, all at once. A refusal of the use case lands at the field its pointer names.
import { describe, expect, it } from 'vitest';
import { nl } from '../i18n/nl.js';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/index.js';
import { checkEntry, entryRefusal, entryValues } from './record.forms.js';
import { invalidInput, AppError } from '../../schema/problem.js';
import { entrySchema } from '../../core/record/entries.js';

const TODAY = '2026-12-07';
const LANGS = [
  ['nl', nl],
  ['en', en],
] as const;

const errorsOf = (t: Messages, kind: Parameters<typeof checkEntry>[1], v: Record<string, string>) => {
  const r = checkEntry(t, kind, v, TODAY);
  return r.ok ? {} : r.errors;
};

describe.each(LANGS)('the record forms (%s)', (_lang, t: Messages) => {
  const c = t.clinical;
  const f = c.forms;

  it('turns a DXA form into one scan with the sites given, numbers typed with a comma or a point', () => {
    const r = checkEntry(t, 'dxa', { 'dxa-date': '03-11-2026', 'lumbar-spine-t': '-2,7', 'lumbar-spine-z': '-1.1', 'total-hip-bmd': '0,812' }, TODAY);
    expect(r).toEqual({
      ok: true,
      entry: { kind: 'dxa', date: '2026-11-03', data: { sites: [{ site: 'lumbar-spine', tScore: -2.7, zScore: -1.1 }, { site: 'total-hip', bmd: 0.812 }] } },
    });
  });

  it('says each problem of a DXA form at its field: not a number, out of range, nothing given, a date after today', () => {
    const ls = f.dxa.part.t(c.dxaSites['lumbar-spine']);
    const fnZ = f.dxa.part.z(c.dxaSites['femoral-neck']);
    expect(errorsOf(t, 'dxa', { 'dxa-date': '03-11-2026', 'lumbar-spine-t': 'laag', 'femoral-neck-z': '-11' })).toEqual({
      'lumbar-spine-t': f.numberBetween(ls, -10, 10),
      'femoral-neck-z': f.numberBetween(fnZ, -10, 10),
    });
    expect(errorsOf(t, 'dxa', { 'dxa-date': '' })).toEqual({ 'dxa-date': t.form.required(f.dateOf.dxa), 'lumbar-spine-t': f.dxa.oneSite });
    expect(errorsOf(t, 'dxa', { 'dxa-date': '08-12-2026', 'total-hip-t': '-1' })).toEqual({ 'dxa-date': f.dateInFuture(f.dateOf.dxa) });
    expect(errorsOf(t, 'dxa', { 'dxa-date': '31-11-2026', 'total-hip-t': '-1' })).toEqual({ 'dxa-date': t.form.dateNotExist(f.dateOf.dxa, 11, 2026, 30) });
  });

  it('takes a lab draw with the usual unit when none is typed, and flags nothing itself', () => {
    const r = checkEntry(t, 'labs', { 'labs-date': '01-12-2026', 'lab1-test': 'calcium', 'lab1-value': '2,61', 'lab1-low': '2,2', 'lab1-high': '2,6', 'lab3-test': 'egfr', 'lab3-value': '48' }, TODAY);
    expect(r).toEqual({
      ok: true,
      entry: {
        kind: 'labs',
        date: '2026-12-01',
        data: { results: [{ test: 'calcium', value: 2.61, unit: 'mmol/L', refLow: 2.2, refHigh: 2.6 }, { test: 'egfr', value: 48, unit: 'mL/min/1.73m²' }] },
      },
    });
  });

  it('says a lab value that is no number, a unit not known for the test, a test given twice and limits the wrong way round', () => {
    expect(
      errorsOf(t, 'labs', {
        'labs-date': '01-12-2026',
        'lab1-test': 'calcium', 'lab1-value': 'hoog',
        'lab2-test': '25-oh-vitamin-d', 'lab2-value': '30', 'lab2-unit': 'mg',
        'lab3-test': 'calcium', 'lab3-value': '2,4',
        'lab4-test': 'pth', 'lab4-value': '5', 'lab4-low': '7', 'lab4-high': '1',
      }),
    ).toEqual({
      'lab1-value': f.labs.number(f.labs.part.value(1)),
      'lab2-unit': f.labs.unitUnknown(2, ['nmol/l', 'ng/ml']),
      'lab3-test': f.labs.sameTestTwice(3),
      'lab4-high': f.labs.highBelowLow(4),
    });
    expect(errorsOf(t, 'labs', { 'labs-date': '01-12-2026' })).toEqual({ 'lab1-test': f.labs.oneResult });
    expect(errorsOf(t, 'labs', { 'labs-date': '01-12-2026', 'lab2-value': '3' })).toEqual({ 'lab2-test': t.form.choose(f.labs.part.test(2)) });
  });

  it('asks for a grade of at least one vertebra, and keeps "not evaluable" apart from grade 0', () => {
    expect(errorsOf(t, 'vfa', { 'vfa-date': '01-12-2026' })).toEqual({ 'vfa-T4': f.vfa.oneLevel });
    const r = checkEntry(t, 'vfa', { 'vfa-date': '01-12-2026', 'vfa-T12': '2', 'vfa-L1': '0', 'vfa-T4': 'not-evaluable' }, TODAY);
    expect(r.ok && r.entry.data).toEqual({ vertebrae: [{ level: 'T4', grade: 'not-evaluable' }, { level: 'T12', grade: 2 }, { level: 'L1', grade: 0 }] });
  });

  it('asks a fracture for its site and how it happened, and takes the rest as given', () => {
    expect(errorsOf(t, 'fracture', { 'fracture-date': '01-12-2026' })).toEqual({ site: t.form.choose(f.fracture.site), energy: t.form.choose(f.fracture.energy) });
    const r = checkEntry(t, 'fracture', { 'fracture-date': '01-12-2026', site: 'wrist', side: 'left', energy: 'low', department: ' SEH ' }, TODAY);
    expect(r.ok && r.entry).toEqual({ kind: 'fracture', date: '2026-12-01', data: { site: 'wrist', side: 'left', highEnergy: false, pathological: false, department: 'SEH' } });
  });

  it('puts a refusal of the use case at the field its pointer names, by the site given at that place', () => {
    const v = { 'dxa-date': '03-11-2026', 'femoral-neck-t': '-2', 'total-hip-t': '-1' };
    const r = entrySchema(TODAY).safeParse({ kind: 'dxa', date: '2026-11-03', data: { sites: [{ site: 'femoral-neck', tScore: -2 }, { site: 'total-hip', tScore: 40 }] } });
    expect(r.success).toBe(false);
    const refused = invalidInput(r.success ? [] : r.error.issues, 'The fact');
    expect(refused.errors.map((e) => e.pointer)).toEqual(['/data/sites/1/tScore']);
    expect(entryRefusal(t, 'dxa', v, refused)).toEqual({ 'total-hip-t': f.numberBetween(f.dxa.part.t(c.dxaSites['total-hip']), -10, 10) });
    // About the record itself (care ended): no field's problem.
    expect(entryRefusal(t, 'dxa', v, new AppError('conflict', 'ended', [{ pointer: '/params/id', detail: 'care ended' }]))).toBeUndefined();
  });

  it('starts a correction from the fact as it stands', () => {
    expect(entryValues('labs', '2026-12-01', { results: [{ test: 'calcium', value: 2.61, unit: 'mmol/L', refLow: 2.2 }] })).toEqual({
      'labs-date': '01-12-2026', 'lab1-test': 'calcium', 'lab1-value': '2.61', 'lab1-unit': 'mmol/L', 'lab1-low': '2.2', 'lab1-high': '',
    });
  });
});
