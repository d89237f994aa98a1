// The assessment section of the record (BMD category, vertebral fractures, fracture risk, secondary
// causes, fall risk, and its sign-off). Until the assessment is built, the section says honestly
// that there is none; the component keeps its props so the assessment replaces only this file.
import type { PageContext } from '../components/Layout.js';
import { EmptyState } from '../components/Record.js';

export function AssessmentSection({ ctx }: { ctx: PageContext; patientId: string }) {
  return <EmptyState>{ctx.t.clinical.empty.assessment}</EmptyState>;
}
