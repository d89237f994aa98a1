// Start pages of the people the record is about: the patient's own summary, and a caregiver's list
// of the people they look after.
import { listName } from '../../core/names.js';
import type { DecisionView } from '../../api/facade.js';
import { DecisionAgreements } from '../decision/decision.page.js';
import { Layout, type PageContext } from '../components/Layout.js';
import { calendarDate } from '../time-format.js';
import type { Patient, PatientSummary } from '../../schema/patient.schema.js';
import { PatientDetails } from '../components/Patient.js';
import { Csrf, Notice } from '../components/Form.js';
import type { CaregiverLinkView, LinkGap, QuestionnaireView, VisitReminder } from '../../api/facade.js';
import { QuestionnaireLinks } from '../questionnaires/questionnaires.page.js';
import { DoseReminder } from '../child/child.page.js';
import type { ChildProfileView } from '../../api/facade.js';

/** Where a caregiver stands, for the patient: plain words, no legal terms. */
function statusWords(ctx: PageContext, c: CaregiverLinkView): string {
  const s = ctx.t.me.status;
  if (c.gap === null) return s.working;
  if (c.withdrawal) return c.withdrawal.by === 'patient' ? s.withdrawn : s.withdrawnByClinic;
  return c.gap === 'patient-consent' ? s.waiting : s.other;
}

/**
 * The days before the diagnostic day: when and where, the 24-hour urine and what to bring, in the
 * invitation letter's own words. `name`: whose day it is, on a caregiver's home.
 */
export function VisitReminderBox({ ctx, reminder, name, id }: { ctx: PageContext; reminder: VisitReminder; name?: string; id: string }) {
  const r = ctx.t.reminder;
  const w = reminder.words;
  return (
    <section aria-labelledby={`${id}-title`} class="reminder">
      <h2 id={`${id}-title`}>{name === undefined ? r.title(calendarDate(ctx.lang, reminder.date)) : r.titleFor(name, calendarDate(ctx.lang, reminder.date))}</h2>
      <p>
        {reminder.firstTime ? r.firstAt(reminder.firstTime) : null} {reminder.reportTo ? r.reportTo(reminder.reportTo) : r.reportDefault}
        {reminder.kind === 'evening-clinic' ? <> {r.evening}</> : null}
      </p>
      {reminder.urine ? (
        <>
          <h3>{w.urine}</h3>
          <p>{w.container}</p>
          <p>
            <strong>{r.urineStarts(calendarDate(ctx.lang, reminder.urineStarts))}</strong>
          </p>
          <ol>
            {w.urineSteps.map((s) => <li key={s}>{s}</li>)}
          </ol>
        </>
      ) : null}
      <h3>{w.bring}</h3>
      <ul class="bullets">
        {w.bringList.map((b) => <li key={b}>{b}</li>)}
      </ul>
    </section>
  );
}

export function MePage({ ctx, patient, caregivers, questionnaires, reminder, csrf, stopped, decision }: {
  ctx: PageContext; patient: Patient; caregivers: readonly CaregiverLinkView[]; questionnaires: readonly QuestionnaireView[]; reminder: VisitReminder | null; csrf: string; stopped: boolean;
  /** The latest shared decision, whose agreements the patient keeps in view; null when none was made. */
  decision: DecisionView | null;
}) {
  const m = ctx.t.me;
  return (
    <Layout ctx={ctx} title={m.title}>
      <h1>{m.title}</h1>
      {stopped ? <Notice ok>{m.stopped}</Notice> : null}
      <p class="lead">{m.intro}</p>
      {reminder ? <VisitReminderBox ctx={ctx} reminder={reminder} id="reminder" /> : null}
      <section aria-labelledby="questionnaires-title" class="questionnaires-home">
        <h2 id="questionnaires-title">{ctx.t.questionnaires.title}</h2>
        <p>{ctx.t.questionnaires.intro}</p>
        <QuestionnaireLinks t={ctx.t} patientId={patient.id} items={questionnaires} level={3} />
      </section>
      <section aria-labelledby="results-title">
        <h2 id="results-title">{ctx.t.myResults.title}</h2>
        <p>
          <a href={`/results/${patient.id}`}>{ctx.t.myResults.link}</a>
        </p>
      </section>
      <section aria-labelledby="medicines-title">
        <h2 id="medicines-title">{ctx.t.myMedicines.title}</h2>
        <p>
          <a href={`/medicines/${patient.id}`}>{ctx.t.myMedicines.link}</a>
        </p>
      </section>
      <section aria-labelledby="plan-title">
        <h2 id="plan-title">{ctx.t.myPlan.title}</h2>
        <p>
          <a href={`/plan/${patient.id}`}>{ctx.t.myPlan.link}</a>
        </p>
      </section>
      <section aria-labelledby="calendar-title">
        <h2 id="calendar-title">{ctx.t.calendarFeed.title}</h2>
        <p>
          <a href={`/calendar/${patient.id}`}>{ctx.t.calendarFeed.homeLink}</a>
        </p>
      </section>
      <section aria-labelledby="diary-title">
        <h2 id="diary-title">{ctx.t.diary.title}</h2>
        <p>
          <a href={`/diary/${patient.id}`}>{ctx.t.diary.open}</a>
        </p>
      </section>
      <section aria-labelledby="reports-title">
        <h2 id="reports-title">{ctx.t.reports.title}</h2>
        <p>{ctx.t.reports.intro}</p>
        <p>
          <a href={`/reports/${patient.id}`}>{ctx.t.reports.open}</a>
        </p>
      </section>
      <section aria-labelledby="agreements-title">
        <h2 id="agreements-title">{ctx.t.decision.mine.title}</h2>
        {decision ? (
          <>
            <p>{ctx.t.decision.mine.intro}</p>
            <DecisionAgreements ctx={ctx} decision={decision} heading="h3" />
          </>
        ) : <p>{ctx.t.decision.mine.none}</p>}
      </section>
      <PatientDetails ctx={ctx} patient={patient} />
      <p>{m.wrong}</p>
      <ul class="bullets">
        <li>
          <a href={`/patients/${patient.id}`}>{m.open}</a>
        </li>
        <li>
          <a href="/me/access-log">{m.accessLog}</a>
        </li>
      </ul>
      <section aria-labelledby="caregivers-title">
        <h2 id="caregivers-title">{m.caregiversTitle}</h2>
        <p>
          <a href="/me/caregivers">{ctx.t.caregiverInvites.manage}</a>
        </p>
        {caregivers.length === 0 ? (
          <p>{m.caregiversNone}</p>
        ) : (
          <>
            <p>{m.caregiversIntro}</p>
            <ul>
              {caregivers.map((c) => (
                <li key={c.id}>
                  <h3>{c.displayName}</h3>
                  <p>{statusWords(ctx, c)}</p>
                  {c.withdrawal ? null : (
                    <form method="post" action={`/me/caregivers/${c.id}/withdraw`}>
                      <Csrf token={csrf} />
                      <p class="hint">{m.stopHint}</p>
                      <p class="actions">
                        <button type="submit" class="secondary">{m.stop(c.displayName)}</button>
                      </p>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </Layout>
  );
}

export function CarePage({ ctx, people, idle, reminders, children = [], linked = false }: {
  ctx: PageContext; people: readonly PatientSummary[]; idle: readonly LinkGap[]; reminders: readonly { name: string; reminder: VisitReminder }[];
  /** The children among them, with their bone-health overview (its vitamin D reminder). */
  children?: readonly ChildProfileView[];
  /** Just took an invitation to look along. */
  linked?: boolean;
}) {
  const t = ctx.t;
  const c = t.care;
  return (
    <Layout ctx={ctx} title={c.title}>
      <h1>{c.title}</h1>
      {linked ? <Notice ok>{t.caregiverInvites.linked}</Notice> : null}
      {reminders.map((x, i) => <VisitReminderBox key={x.name} ctx={ctx} reminder={x.reminder} name={x.name} id={`reminder-${String(i)}`} />)}
      {children.map((x) => <DoseReminder key={x.patient.id} ctx={ctx} view={x} action={<p><a href={`/child/${x.patient.id}`}>{t.childVitaminD.reminderParent(x.patient.name)}</a></p>} />)}
      {children.length > 0 ? (
        <ul class="bullets">
          {children.map((x) => <li key={x.patient.id}><a href={`/child/${x.patient.id}`}>{t.childProfile.parentTitle(x.patient.name)}</a></li>)}
        </ul>
      ) : null}
      {idle.length > 0 ? (
        <section aria-labelledby="idle-title" class="notice" role="note">
          <h2 id="idle-title">{c.idleTitle}</h2>
          {idle.map((gap, i) => (
            <div key={i}>
              <p>{c.idle[gap].why}</p>
              <p>{c.idle[gap].what}</p>
            </div>
          ))}
        </section>
      ) : null}
      {people.length === 0 ? (
        idle.length === 0 ? <p class="lead">{c.none}</p> : null
      ) : (
        <>
          <p class="lead">{c.intro}</p>
          <div class="table-scroll">
            <table class="stack">
              <thead>
                <tr>
                  <th scope="col">{t.patients.name}</th>
                  <th scope="col">{t.patients.birthDate}</th>
                  <th scope="col">{t.questionnaires.title}</th>
                  <th scope="col">{t.myResults.column}</th>
                  <th scope="col">{t.myMedicines.title}</th>
                  <th scope="col">{t.accessLog.mine.column}</th>
                  <th scope="col">{t.myPlan.column}</th>
                  <th scope="col">{t.calendarFeed.title}</th>
                  <th scope="col">{t.diary.column}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" data-label={t.patients.name}>
                      <a href={`/patients/${p.id}`}>{listName(p)}</a>
                    </th>
                    <td data-label={t.patients.birthDate}>{calendarDate(ctx.lang, p.birthDate)}</td>
                    <td data-label={t.questionnaires.title}>
                      <a href={`/questionnaires/${p.id}`}>{c.questionnairesFor(listName(p))}</a>
                    </td>
                    <td data-label={t.myResults.column}>
                      <a href={`/results/${p.id}`}>{t.myResults.linkFor(listName(p))}</a>
                    </td>
                    <td data-label={t.myMedicines.title}>
                      <a href={`/medicines/${p.id}`}>{t.myMedicines.linkFor(listName(p))}</a>
                    </td>
                    <td data-label={t.accessLog.mine.column}>
                      <a href={`/care/${p.id}/access-log`}>{t.accessLog.mine.titleFor(listName(p))}</a>
                    </td>
                    <td data-label={t.myPlan.column}>
                      <a href={`/plan/${p.id}`}>{t.myPlan.linkFor(listName(p))}</a>
                    </td>
                    <td data-label={t.calendarFeed.title}>
                      <a href={`/calendar/${p.id}`}>{t.calendarFeed.linkFor(listName(p))}</a>
                    </td>
                    <td data-label={t.diary.column}>
                      <a href={`/diary/${p.id}`}>{t.diary.openFor(listName(p))}</a>
                      <br />
                      <a href={`/reports/${p.id}`}>{t.reports.openFor(listName(p))}</a>
                    </td>
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
