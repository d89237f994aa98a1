// The clinical record's sections as clinicians read them: each its own page under the patient's
// address, inside the record frame (banner and section links). A section with nothing recorded
// says so.
import type { PageContext } from '../components/Layout.js';
import { EmptyState, RecordFrame, type BannerPatient } from '../components/Record.js';
import { AssessmentSection } from './assessment.section.js';

export function AssessmentPage({ ctx, patient }: { ctx: PageContext; patient: BannerPatient }) {
  return (
    <RecordFrame ctx={ctx} patient={patient} section="assessment" heading={ctx.t.clinical.sections.assessment}>
      <AssessmentSection ctx={ctx} patientId={patient.id} />
    </RecordFrame>
  );
}

/** A section the record holds nothing for yet: medication, letters. */
export function EmptySectionPage({ ctx, patient, section }: { ctx: PageContext; patient: BannerPatient; section: 'medication' | 'letters' }) {
  const c = ctx.t.clinical;
  return (
    <RecordFrame ctx={ctx} patient={patient} section={section} heading={c.sections[section]}>
      <EmptyState>{c.empty[section]}</EmptyState>
    </RecordFrame>
  );
}

export function FracturesPage({ ctx, patient }: { ctx: PageContext; patient: BannerPatient }) {
  const c = ctx.t.clinical;
  return (
    <RecordFrame ctx={ctx} patient={patient} section="fractures" heading={c.sections.fractures}>
      <EmptyState>{c.empty.fractures}</EmptyState>
    </RecordFrame>
  );
}

export function ResultsPage({ ctx, patient }: { ctx: PageContext; patient: BannerPatient }) {
  const c = ctx.t.clinical;
  return (
    <RecordFrame ctx={ctx} patient={patient} section="results" heading={c.sections.results}>
      <h2>DXA</h2>
      <EmptyState>{c.empty.dxa}</EmptyState>
      <h2>VFA</h2>
      <EmptyState>{c.empty.vfa}</EmptyState>
      <h2>{c.labs}</h2>
      <EmptyState>{c.empty.labs}</EmptyState>
    </RecordFrame>
  );
}

export function ContactsPage({ ctx, patient }: { ctx: PageContext; patient: BannerPatient }) {
  const c = ctx.t.clinical;
  return (
    <RecordFrame ctx={ctx} patient={patient} section="contacts" heading={c.sections.contacts}>
      <EmptyState>{c.empty.contacts}</EmptyState>
    </RecordFrame>
  );
}
