// The assessment section of the record (BMD category, vertebral fractures, fracture risk, secondary
// causes, fall risk, and its sign-off). Until the assessment's own pages are built, the section
// lists the assessments signed so far (through the API) and says honestly when there is none; the
// component keeps its props (the record as read for the page, the form token) so the assessment
// replaces only this file.
import type { PageContext } from '../components/Layout.js';
import { DataTable, EmptyState } from '../components/Record.js';
import { numericDate, numericDateTime } from '../time-format.js';
import { roleLabel } from '../components/Patient.js';
import type { ClinicalView } from '../../api/facade.js';

export function AssessmentSection({ ctx, view }: { ctx: PageContext; patientId: string; view: ClinicalView; csrf: string }) {
  const t = ctx.t;
  const a = t.clinical.assessments;
  if (view.assessments.length === 0) return <EmptyState>{t.clinical.empty.assessment}</EmptyState>;
  return (
    <DataTable
      caption={a.caption}
      rows={view.assessments}
      rowKey={(x) => x.id}
      columns={[
        { label: a.asOf, cell: (x) => numericDate(x.asOf), numeric: true },
        { label: a.signedBy, cell: (x) => `${x.signedBy ?? t.clinical.someone} (${roleLabel(t, x.signedRole)})` },
        { label: a.signedAt, cell: (x) => numericDateTime(x.signedAt), numeric: true },
        { label: a.note, cell: (x) => x.note ?? t.clinical.notGiven },
      ]}
    />
  );
}
