// The frame of the practice's pages about one referred patient: the record's frame (banner and
// section links) with the way back to the exercise-therapy hub (/patients/:id/therapy) under the
// page's one h1, as the other pages of the exercise therapy have it.
import type { ComponentChildren } from 'preact';
import { fullName } from '../../core/names.js';
import type { PageContext } from '../components/Layout.js';
import { RecordFrame, type BannerPatient } from '../components/Record.js';

export function TherapyFrame(props: { ctx: PageContext; patient: BannerPatient; heading: string; back: string; failed: boolean; children: ComponentChildren }) {
  const { ctx, patient } = props;
  // A form sent back with errors says so first in the tab's title.
  const title = props.failed ? { title: `${ctx.t.form.titlePrefix}: ${ctx.t.clinical.sectionTitle(props.heading, fullName(patient))}` } : {};
  return (
    <RecordFrame ctx={ctx} patient={patient} section={null} heading={props.heading} {...title}>
      <p>
        <a href={`/patients/${patient.id}/therapy`}>{props.back}</a>
      </p>
      {props.children}
    </RecordFrame>
  );
}
