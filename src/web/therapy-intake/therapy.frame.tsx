// The frame of the practice's pages about one referred patient: the patient banner and the way back
// to the exercise-therapy hub (/patients/:id/therapy), above the page's one h1.
import type { ComponentChildren } from 'preact';
import { fullName } from '../../core/names.js';
import { Layout, type PageContext } from '../components/Layout.js';
import { PatientBanner, type BannerPatient } from '../components/Record.js';

export function TherapyFrame(props: { ctx: PageContext; patient: BannerPatient; heading: string; back: string; title?: string; children: ComponentChildren }) {
  const { ctx, patient } = props;
  return (
    <Layout ctx={ctx} title={props.title ?? ctx.t.clinical.sectionTitle(props.heading, fullName(patient))}>
      <div class="record-head">
        <PatientBanner ctx={ctx} patient={patient} />
      </div>
      <p>
        <a href={`/patients/${patient.id}/therapy`}>{props.back}</a>
      </p>
      <h1>{props.heading}</h1>
      {props.children}
    </Layout>
  );
}
