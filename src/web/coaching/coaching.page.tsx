// Lifestyle coaching (/patients/:id/therapy/coaching): beside the form, what the core advises this
// patient on lifestyle, calcium and vitamin D, each with its why one step away; the session form
// (per topic what was discussed and agreed); the sessions kept; and, when food is the problem, the
// letter to a dietitian (written, kept, printed from what it said). Readers who may not record see
// the advice, the sessions and the letters without the forms.
import type { CoachingScreen, CoachingSessionView } from '../../api/facade.js';
import { COACHING_TOPICS } from '../../core/coaching/lists.js';
import { fullName } from '../../core/names.js';
import { ConclusionItem } from '../components/Conclusion.js';
import { Csrf, ErrorSummary, Field, Notice, Radios, TextArea } from '../components/Form.js';
import type { PageContext } from '../components/Layout.js';
import { DataTable, EmptyState, RecordFrame } from '../components/Record.js';
import { numericDate, numericDateTime } from '../time-format.js';
import { agreedField, discussedField } from './coaching.forms.js';
import { BackToTherapy, type FormState } from './home-check.page.js';

function CoreAdvice({ ctx, screen }: { ctx: PageContext; screen: CoachingScreen }) {
  const c = ctx.t.coaching;
  return (
    <section aria-labelledby="core-title">
      <h2 id="core-title">{c.coreTitle}</h2>
      <p>{c.coreIntro}</p>
      {screen.conclusions.length === 0 ? <EmptyState>{c.noCore}</EmptyState> : (
        <ul class="conclusions">
          {screen.conclusions.map((k) => <ConclusionItem key={`${k.code}-${k.ruleId}`} t={ctx.t} lang={ctx.lang} c={k} />)}
        </ul>
      )}
    </section>
  );
}

function SessionForm({ ctx, patientId, csrf, form }: { ctx: PageContext; patientId: string; csrf: string; form: FormState }) {
  const c = ctx.t.coaching;
  const v = form.values;
  const e = form.errors;
  return (
    <section aria-labelledby="form-title">
      <h2 id="form-title">{c.formTitle}</h2>
      <ErrorSummary t={ctx.t} errors={e} />
      <form method="post" action={`/patients/${patientId}/therapy/coaching`} novalidate>
        <Csrf token={csrf} />
        <Field t={ctx.t} name="date" label={c.date} hint={c.dateHint} value={v.date} inputMode="numeric" autocomplete="off" spellcheck={false} error={e.date} />
        <p class="hint">{c.topicsHint}</p>
        {COACHING_TOPICS.map((x) => (
          <fieldset key={x}>
            <legend>{c.topics[x]}</legend>
            <TextArea t={ctx.t} name={discussedField(x)} label={`${c.topics[x]}: ${c.discussed}`} optional={c.topicOptional} maxLength={2000} value={v[discussedField(x)]} error={e[discussedField(x)]} />
            <TextArea t={ctx.t} name={agreedField(x)} label={`${c.topics[x]}: ${c.agreed}`} optional maxLength={2000} value={v[agreedField(x)]} error={e[agreedField(x)]} />
          </fieldset>
        ))}
        <TextArea t={ctx.t} name="note" label={c.note} optional maxLength={4000} value={v.note} error={e.note} />
        <p class="actions">
          <button type="submit">{c.save}</button>
        </p>
      </form>
    </section>
  );
}

function Session({ ctx, s }: { ctx: PageContext; s: CoachingSessionView }) {
  const c = ctx.t.coaching;
  return (
    <article class="coaching-session">
      <h3>{c.sessionTitle(numericDate(s.date), s.recordedBy ?? c.someone)}</h3>
      <dl>
        {s.topics.map((x) => [
          <dt key={`${x.topic}-t`}>{c.topics[x.topic]}</dt>,
          <dd key={`${x.topic}-d`}>
            <p><strong>{c.discussed}:</strong> {x.discussed}</p>
            {x.agreed !== null ? <p><strong>{c.agreed}:</strong> {x.agreed}</p> : null}
          </dd>,
        ])}
        {s.note !== null ? [<dt key="note-t">{c.note}</dt>, <dd key="note-d">{s.note}</dd>] : null}
      </dl>
    </article>
  );
}

function Dietitian({ ctx, screen, csrf, form, written }: { ctx: PageContext; screen: CoachingScreen; csrf: string; form: FormState; written: boolean }) {
  const c = ctx.t.coaching;
  const id = screen.patient.id;
  const v = form.values;
  const e = form.errors;
  return (
    <section aria-labelledby="dietitian-title">
      <h2 id="dietitian-title">{c.dietitianTitle}</h2>
      {written ? <Notice ok>{c.written}</Notice> : null}
      <p>{c.dietitianIntro}</p>
      {screen.mayWrite ? (
        <>
          <ErrorSummary t={ctx.t} errors={e} />
          <form method="post" action={`/patients/${id}/therapy/coaching/dietitian-letter`} novalidate>
            <Csrf token={csrf} />
            <TextArea t={ctx.t} name="reason" label={c.reason} hint={c.reasonHint} maxLength={2000} value={v.reason} error={e.reason} />
            <TextArea t={ctx.t} name="question" label={c.question} optional maxLength={2000} value={v.question} error={e.question} />
            <Radios t={ctx.t} name="lang" legend={c.lang} value={v.lang} error={e.lang} options={(['nl', 'en'] as const).map((l) => ({ value: l, label: c.langs[l] }))} />
            <p class="actions">
              <button type="submit">{c.write}</button>
            </p>
          </form>
        </>
      ) : null}
      {screen.letters.length === 0 ? <EmptyState>{c.noLetters}</EmptyState> : (
        <DataTable
          caption={c.lettersCaption}
          rows={screen.letters}
          rowKey={(x) => x.id}
          columns={[
            { label: c.letter, cell: (x) => x.title },
            { label: c.lang, cell: (x) => c.langs[x.lang] },
            { label: c.letterDate, cell: (x) => `${numericDateTime(x.writtenAt)}, ${x.writtenBy ?? c.someone}` },
            {
              label: c.print,
              cell: (x) => (
                <a href={`/patients/${id}/letters/${x.id}/pdf`} class="keep">
                  {c.print}
                  <span class="visually-hidden">{`: ${c.printName(numericDate(x.writtenAt.slice(0, 10)))}`}</span>
                </a>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

export function CoachingPage(p: { ctx: PageContext; screen: CoachingScreen; csrf: string; session: FormState; letter: FormState; saved: boolean; written: boolean }) {
  const { ctx, screen } = p;
  const c = ctx.t.coaching;
  const patient = screen.patient;
  const failed = Object.keys(p.session.errors).length + Object.keys(p.letter.errors).length > 0;
  return (
    <RecordFrame ctx={ctx} patient={patient} section="overview" heading={c.title} {...(failed ? { title: `${ctx.t.form.titlePrefix}: ${ctx.t.clinical.sectionTitle(c.title, fullName(patient))}` } : {})}>
      <BackToTherapy patientId={patient.id} label={c.back} />
      {p.saved ? <Notice ok>{c.saved}</Notice> : null}
      <p>{c.intro}</p>
      <CoreAdvice ctx={ctx} screen={screen} />
      {screen.mayWrite ? <SessionForm ctx={ctx} patientId={patient.id} csrf={p.csrf} form={p.session} /> : <p>{c.readOnly}</p>}
      <section aria-labelledby="kept-title">
        <h2 id="kept-title">{c.keptTitle}</h2>
        {screen.sessions.length === 0 ? <EmptyState>{c.none}</EmptyState> : screen.sessions.map((s) => <Session key={s.id} ctx={ctx} s={s} />)}
      </section>
      <Dietitian ctx={ctx} screen={screen} csrf={p.csrf} form={p.letter} written={p.written} />
    </RecordFrame>
  );
}
