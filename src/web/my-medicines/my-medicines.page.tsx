// "My medicines" on the patient's side: per course what to take, when and how, the next dose from
// the core, what to expect and what to report (with the medicine's learn page), what was marked,
// and one form to mark a dose as taken or missed; then the fridge-door list and the way to the
// reminders. No script; one main action (the form's button).
import { fullName } from '../../core/names.js';
import { CATALOGUE } from '../../core/medication/catalogue.js';
import { URGENT_SIGNS } from '../../core/medication/patient-guide.js';
import type { Drug } from '../../core/case.schema.js';
import type { MyMedicine, MyMedicines } from '../../api/facade.js';
import { Layout, type PageContext } from '../components/Layout.js';
import { Csrf, ErrorSummary, Field, Notice, Radios, type FieldErrors } from '../components/Form.js';
import { calendarDate } from '../time-format.js';
import { learnLinkForDrug } from '../learn/links.js';
import type { Lang, Messages } from '../i18n/index.js';

export type MedicinesNotice = { kind: 'taken' | 'already' | 'missed'; course: string };

const drugName = (lang: Lang, d: Drug) => (lang === 'nl' ? CATALOGUE[d].nameNl : CATALOGUE[d].nameEn);
const heading = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function Medicine({ t, lang, m }: { t: Messages; lang: Lang; m: MyMedicine }) {
  const w = t.myMedicines;
  const name = drugName(lang, m.drug);
  const day = (d: string) => calendarDate(lang, d);
  const daily = m.regimen?.interval === 'daily';
  const id = `medicine-${m.id}`;
  return (
    <section aria-labelledby={id} class="medicine">
      <h2 id={id}>{heading(name)}{m.route ? ` (${w.route[m.route] ?? m.route})` : ''}</h2>
      {m.regimen ? <p>{w.doseLine(m.regimen.dose, w.interval[m.regimen.interval] ?? m.regimen.interval)}</p> : null}
      <h3>{w.nextTitle}</h3>
      {m.denosumabLate ? <Notice><strong>{w.denosumabLate(day(m.denosumabLate.lastInjection), day(m.denosumabLate.due))}</strong></Notice> : null}
      <p class="next-dose" data-course={m.id}>
        <strong>
          {m.status === 'prescribed' ? w.startsOn(day(m.start))
            : daily ? w.nextDaily
              : m.nextDose ? (m.nextDose.late ? w.nextLate(day(m.nextDose.date)) : w.next(day(m.nextDose.date))) : null}
        </strong>
      </p>
      {m.bloodTest ? <p>{w.bloodTest(day(m.bloodTest.from), day(m.bloodTest.by))}</p> : null}
      {m.anabolicEnd ? <p>{w.anabolicEnd(day(m.anabolicEnd))}</p> : null}
      {m.regimen && m.regimen.instructions.length > 0 ? (
        <>
          <h3>{w.howTitle}</h3>
          <ul>{m.regimen.instructions.map((i) => (w.how[i] ? <li key={i}>{w.how[i]}</li> : null))}</ul>
        </>
      ) : null}
      <h3>{w.effectsTitle}</h3>
      <p>{w.effectsIntro}</p>
      <ul>{m.guide.expect.map((x) => <li key={x}>{w.expect[x]}</li>)}</ul>
      <h3>{w.reportTitle}</h3>
      <p>{w.reportIntro}</p>
      <ul>
        {m.guide.report.map((x) => (
          <li key={x}>{w.report[x]}{URGENT_SIGNS.has(x) ? <> <strong>{w.urgent}</strong></> : null}</li>
        ))}
      </ul>
      {m.guide.report.includes('jaw-or-tooth') ? <p>{w.dentist}</p> : null}
      <p><a href={learnLinkForDrug(m.drug)}>{w.learnMore(name)}</a></p>
      {m.marks.length > 0 ? (
        <>
          <h3>{w.marksTitle}</h3>
          <ul class="marks">
            {m.marks.map((x) => (
              <li key={x.id}>{x.status === 'taken' ? w.markTaken(day(x.date)) : w.markMissed(day(x.date))}{x.source === 'clinic' ? ` ${w.byClinic}` : ''}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function NoticeFor({ t, lang, view, notice }: { t: Messages; lang: Lang; view: MyMedicines; notice: MedicinesNotice }) {
  const w = t.myMedicines;
  const m = view.medicines.find((x) => x.id === notice.course);
  if (!m) return null;
  const name = drugName(lang, m.drug);
  if (notice.kind === 'missed') {
    return (
      <Notice>
        <p id="notice">{w.noticeMissed(name)}</p>
        <h2>{w.missedTitle}</h2>
        <p>{w.missed[m.guide.missed]}</p>
      </Notice>
    );
  }
  const next = m.nextDose && m.regimen?.interval !== 'daily' ? calendarDate(lang, m.nextDose.date) : null;
  return <Notice ok><p id="notice">{notice.kind === 'already' ? w.noticeAlready : w.noticeTaken(name, next)}</p></Notice>;
}

export function MyMedicinesPage(p: {
  ctx: PageContext; view: MyMedicines; own: boolean; csrf: string; notice?: MedicinesNotice | undefined;
  values?: Record<string, string> | undefined; errors?: FieldErrors | undefined; today: string;
}) {
  const { t, lang } = p.ctx;
  const w = t.myMedicines;
  const { view } = p;
  const name = fullName(view.patient);
  const title = p.own ? w.title : w.titleFor(name);
  const current = view.medicines.filter((m) => m.status === 'current');
  const values = p.values ?? {};
  const errors = p.errors ?? {};
  return (
    <Layout ctx={p.ctx} title={title}>
      <h1>{title}</h1>
      {p.own ? null : <p class="for-whom"><strong>{t.questionnaires.forWhom(name)}</strong></p>}
      <ErrorSummary t={t} errors={errors} />
      {p.notice ? <NoticeFor t={t} lang={lang} view={view} notice={p.notice} /> : null}
      <p class="lead">{view.medicines.length > 0 ? w.intro : w.none}</p>
      {view.medicines.map((m) => <Medicine key={m.id} t={t} lang={lang} m={m} />)}
      {view.planned.length > 0 ? (
        <section aria-labelledby="planned-title">
          <h2 id="planned-title">{w.plannedTitle}</h2>
          <ul>{view.planned.map((x) => <li key={`${x.drug}-${x.from}`}>{w.planned(drugName(lang, x.drug), calendarDate(lang, x.from))}</li>)}</ul>
        </section>
      ) : null}
      {view.mayConfirm && current.length > 0 ? (
        <section aria-labelledby="mark-title">
          <h2 id="mark-title">{current.length === 1 && current[0] ? w.form.legend(drugName(lang, current[0].drug)) : w.form.status}</h2>
          <form method="post" action={`/medicines/${view.patient.id}/dose`} novalidate>
            <Csrf token={p.csrf} />
            {current.length === 1 && current[0] ? <input type="hidden" name="medicationId" value={current[0].id} /> : (
              <Radios t={t} name="medicationId" legend={w.title} value={values.medicationId} error={errors.medicationId}
                options={current.map((m) => ({ value: m.id, label: heading(drugName(lang, m.drug)) }))} />
            )}
            {current.length === 1 && errors.medicationId ? <p class="field-error" id="medicationId">{errors.medicationId}</p> : null}
            <Radios t={t} name="status" legend={w.form.status} value={values.status} error={errors.status}
              options={[{ value: 'taken', label: w.form.taken }, { value: 'missed', label: w.form.missed }]} />
            <Field t={t} name="date" label={w.form.date} hint={w.form.dateHint} value={values.date ?? p.today} error={errors.date} inputMode="numeric" autocomplete="off" />
            <button type="submit" class="button">{w.form.submit}</button>
          </form>
        </section>
      ) : null}
      {view.medicines.length > 0 ? (
        <section aria-labelledby="schedule-title">
          <h2 id="schedule-title">{w.scheduleTitle}</h2>
          <p><a href={`/api/v1/patients/${view.patient.id}/medication-schedule.pdf?lang=${lang}`} type="application/pdf" hreflang={lang}>{w.schedule}</a></p>
          <p>{w.reminders} <a href={`/calendar/${view.patient.id}`}>{w.remindersLink}</a></p>
        </section>
      ) : null}
      <p>
        <a href={p.own ? '/me' : '/care'}>{p.own ? w.backHome : w.backCare}</a>
      </p>
    </Layout>
  );
}
