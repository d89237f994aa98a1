// The banner's open alerts come from the core's evaluation of the record as it stands.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../core/evaluate.js';
import { DEFAULT_SETTINGS } from '../../core/settings.js';
import { makeCase, fracture } from '../../core/testing/builder.js';
import { nl } from '../i18n/nl.js';
import { alertsOf } from './record.page.js';

const countOf = (alerts: ReturnType<typeof alertsOf>, label: string) => alerts.find((a) => a.label === label)?.count;

describe('the banner\'s open alerts', () => {
  it('counts what asks for action, what blocks a drug and overdue visits, and nothing for a record without findings', () => {
    const calm = makeCase({ person: { birthDate: '1990-01-01', sex: 'male' } });
    const quiet = alertsOf(nl, { case: calm, evaluation: evaluate(calm, DEFAULT_SETTINGS, 'nl') });
    expect(countOf(quiet, nl.clinical.alertKinds.block)).toBe(0);
    expect(countOf(quiet, nl.clinical.alertKinds.overdue)).toBe(0);

    const record = makeCase({
        person: { birthDate: '1945-01-01', sex: 'female' },
        fractures: [fracture('2026-10-01', 'hip')],
        dxa: [{ date: '2026-10-20', site: 'femoral-neck', tScore: -3.2 }],
        medications: [{ drug: 'alendronic-acid', start: '2024-01-10', route: 'oral' }],
        safety: { oesophagealDisorder: true },
    });
    const busy = evaluate(record, DEFAULT_SETTINGS, 'nl');
    const alerts = alertsOf(nl, { case: record, evaluation: busy });
    expect(countOf(alerts, nl.clinical.alertKinds.action)).toBe(busy.conclusions.filter((c) => c.severity === 'action').length);
    expect(countOf(alerts, nl.clinical.alertKinds.action)).toBeGreaterThan(0);
    // Alendronic acid with an oesophageal disorder is blocked; the checks of drugs she does not take are no alert.
    const blocked = busy.conclusions.filter((c) => c.severity === 'block');
    expect(blocked.length).toBeGreaterThan(countOf(alerts, nl.clinical.alertKinds.block) ?? 0);
    expect(countOf(alerts, nl.clinical.alertKinds.block)).toBe(blocked.filter((c) => (c.value as { drug?: string } | null)?.drug === 'alendronic-acid').length);
    expect(countOf(alerts, nl.clinical.alertKinds.block)).toBeGreaterThan(0);
    // Started in January 2024 with no follow-up contact recorded: the 3-month and 1-year visits are overdue.
    expect(countOf(alerts, nl.clinical.alertKinds.overdue)).toBeGreaterThan(0);
  });
});
