// Start pages of the people the record is about: the patient's own summary, and a caregiver's list
// of the people they look after.
import { listName } from '../../core/names.js';
import { Layout, type PageContext } from '../components/Layout.js';
import { calendarDate } from '../time-format.js';
import type { Patient, PatientSummary } from '../../schema/patient.schema.js';
import { PatientDetails } from '../components/Patient.js';

export function MePage({ ctx, patient }: { ctx: PageContext; patient: Patient }) {
  const m = ctx.t.me;
  return (
    <Layout ctx={ctx} title={m.title}>
      <h1>{m.title}</h1>
      <p class="lead">{m.intro}</p>
      <PatientDetails ctx={ctx} patient={patient} />
      <p>{m.wrong}</p>
      <ul class="bullets">
        <li>
          <a href={`/patients/${patient.id}`}>{m.open}</a>
        </li>
        <li>
          <a href={`/patients/${patient.id}/access-log`}>{m.accessLog}</a>
        </li>
      </ul>
    </Layout>
  );
}

export function CarePage({ ctx, people }: { ctx: PageContext; people: readonly PatientSummary[] }) {
  const t = ctx.t;
  const c = t.care;
  return (
    <Layout ctx={ctx} title={c.title}>
      <h1>{c.title}</h1>
      {people.length === 0 ? (
        <p class="lead">{c.none}</p>
      ) : (
        <>
          <p class="lead">{c.intro}</p>
          <div class="table-scroll">
            <table class="stack">
              <thead>
                <tr>
                  <th scope="col">{t.patients.name}</th>
                  <th scope="col">{t.patients.birthDate}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" data-label={t.patients.name}>
                      <a href={`/patients/${p.id}`}>{listName(p)}</a>
                    </th>
                    <td data-label={t.patients.birthDate}>{calendarDate(ctx.lang, p.birthDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Layout>
  );
}
