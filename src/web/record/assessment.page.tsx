// The assessment's pages about one patient, in the record's frame (banner and section links): the
// assessment as it stands today, and one signed assessment as it was kept.
import type { PageContext } from '../components/Layout.js';
import { RecordFrame, type BannerPatient } from '../components/Record.js';
import { fullName } from '../../core/names.js';
import type { AssessmentView } from '../../api/facade.js';
import { AssessmentSection, KeptAssessment, type AssessmentProps } from './assessment.section.js';
import { numericDateTime } from '../time-format.js';

type Shown = BannerPatient & { mergedInto: string | null };

export function AssessmentPage(p: Omit<AssessmentProps, 'patientId' | 'merged'> & { patient: Shown }) {
  const { ctx, patient } = p;
  const t = ctx.t;
  const heading = t.clinical.sections.assessment;
  const failed = Object.keys(p.sign?.errors ?? {}).length > 0;
  return (
    <RecordFrame ctx={ctx} patient={patient} section="assessment" heading={heading} {...(failed ? { title: `${t.form.titlePrefix}: ${t.clinical.sectionTitle(heading, fullName(patient))}` } : {})}>
      <AssessmentSection {...p} patientId={patient.id} merged={patient.mergedInto !== null} />
    </RecordFrame>
  );
}

export function KeptAssessmentPage({ ctx, patient, kept, rulesNow }: { ctx: PageContext; patient: Shown; kept: AssessmentView; rulesNow: string }) {
  const heading = ctx.t.assessment.keptTitle(numericDateTime(kept.signedAt));
  return (
    <RecordFrame ctx={ctx} patient={patient} section="assessment" heading={heading}>
      <KeptAssessment ctx={ctx} patientId={patient.id} kept={kept} rulesNow={rulesNow} />
    </RecordFrame>
  );
}
