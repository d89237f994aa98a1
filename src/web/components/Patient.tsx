// Pieces of a patient's record shown on several pages (the clinic's record, the patient's own page,
// the administrator's audit list): one wording for a stage, a role and the personal details.
import type { PageContext } from './Layout.js';
import type { Messages } from '../i18n/index.js';
import { calendarDate } from '../time-format.js';
import type { Patient } from '../../schema/patient.schema.js';
import { phoneForDisplay } from '../../schema/phone.js';

export function stageLabel(t: Messages, stage: string): string {
  return (t.stages as Record<string, string>)[stage] ?? stage;
}

export function roleLabel(t: Messages, role: string | null): string {
  if (!role) return '';
  return (t.roles as Record<string, string>)[role] ?? role;
}

export function PatientDetails({ ctx, patient }: { ctx: PageContext; patient: Patient }) {
  const t = ctx.t;
  const f = t.patients.fields;
  const r = t.record;
  const rows: [string, string][] = [
    ...(patient.familyNamePrefix ? [[f.familyNamePrefix, patient.familyNamePrefix] as [string, string]] : []),
    [f.familyName, patient.familyName],
    [f.givenName, patient.givenName],
    [f.birthDate, calendarDate(ctx.lang, patient.birthDate)],
    [f.sex, t.patients.sex[patient.sex]],
    ...('bsn' in patient ? [[f.bsn, patient.bsn ?? r.unknown] as [string, string]] : []),
    [f.phone, patient.phone === null ? r.unknown : phoneForDisplay(patient.phone)],
    [f.email, patient.email ?? r.unknown],
    [f.gpPractice, patient.gpPractice ?? r.unknown],
    [r.stage, stageLabel(t, patient.pathwayStage)],
  ];
  return (
    <dl class="details">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
