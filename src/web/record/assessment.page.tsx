// The assessment's pages about one patient: the assessment as it stands today, and one signed
// assessment as it was kept.
import { Layout, type PageContext } from '../components/Layout.js';
import { fullName } from '../../core/names.js';
import type { AssessmentView } from '../../api/facade.js';
import type { Patient } from '../../schema/patient.schema.js';
import { AssessmentSection, KeptAssessment, type AssessmentProps } from './assessment.section.js';
import { dateTime } from '../time-format.js';

type Named = Pick<Patient, 'id' | 'givenName' | 'familyNamePrefix' | 'familyName' | 'mergedInto'>;

function PatientLine({ patient }: { patient: Named }) {
  return (
    <p class="patient-line">
      <a href={`/patients/${patient.id}`}>{fullName(patient)}</a>
    </p>
  );
}

export function AssessmentPage(p: Omit<AssessmentProps, 'patientId' | 'merged'> & { patient: Named }) {
  const { ctx, patient } = p;
  const t = ctx.t;
  const heading = t.assessment.title;
  const title = `${Object.keys(p.sign?.errors ?? {}).length > 0 ? `${t.form.titlePrefix}: ` : ''}${heading} – ${fullName(patient)}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{heading}</h1>
      <PatientLine patient={patient} />
      <AssessmentSection {...p} patientId={patient.id} merged={patient.mergedInto !== null} />
    </Layout>
  );
}

export function KeptAssessmentPage({ ctx, patient, kept, rulesNow }: { ctx: PageContext; patient: Named; kept: AssessmentView; rulesNow: string }) {
  const heading = ctx.t.assessment.keptTitle(dateTime(ctx.lang, kept.signedAt));
  return (
    <Layout ctx={ctx} title={`${heading} – ${fullName(patient)}`}>
      <h1>{heading}</h1>
      <PatientLine patient={patient} />
      <KeptAssessment ctx={ctx} patientId={patient.id} kept={kept} rulesNow={rulesNow} />
    </Layout>
  );
}
