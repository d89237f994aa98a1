// The patient's calendar page (/calendar/:id): the private link made (shown once), the plain words
// on what a private link means, the link stopped, and the reminder choices. For the patient and for
// a caregiver, who always sees whose calendar it is. No script; one main action: making the link.
import { Layout, type PageContext } from '../components/Layout.js';
import { Checkbox, Csrf, ErrorSummary, Field, Notice, type FieldErrors } from '../components/Form.js';
import { dateTime } from '../time-format.js';

export interface CalendarPageProps {
  ctx: PageContext;
  patientId: string;
  /** The name of the person whose calendar it is, for a caregiver; null on the patient's own page. */
  name: string | null;
  remindAt: string;
  nameMedicine: boolean;
  linkSince: string | null;
  /** A link just made: shown this once. */
  madeUrl: string | null;
  notice: 'saved' | 'ended' | null;
  errors: FieldErrors;
  csrf: string;
}

export function CalendarPage(p: CalendarPageProps) {
  const { ctx } = p;
  const w = ctx.t.calendarFeed;
  const title = p.name === null ? w.title : w.titleFor(p.name);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {p.notice === 'saved' ? <Notice ok>{w.saved}</Notice> : null}
      {p.notice === 'ended' ? <Notice ok>{w.ended}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={p.errors} />
      <p class="lead">{w.intro}</p>
      <section aria-labelledby="link-title">
        <h2 id="link-title">{p.madeUrl ? w.madeTitle : w.linkTitle}</h2>
        {p.madeUrl ? (
          <>
            <p><strong>{w.madeOnce}</strong></p>
            <div class="field">
              <label for="feed-url">{w.urlLabel}</label>
              <input id="feed-url" type="text" readOnly value={p.madeUrl} class="break-any" spellcheck={false} />
            </div>
            <p>{w.howTo}</p>
          </>
        ) : (
          <p>{p.linkSince ? w.hasLink(dateTime(ctx.lang, p.linkSince)) : w.noLink}</p>
        )}
        <p>{w.privateWhat}</p>
        <p>{w.late}</p>
        <form method="post" action={`/calendar/${p.patientId}/link`}>
          <Csrf token={p.csrf} />
          <p class="actions">
            <button type="submit" class={p.madeUrl ? 'secondary' : undefined}>{p.linkSince || p.madeUrl ? w.makeNew : w.make}</button>
          </p>
        </form>
        {p.linkSince || p.madeUrl ? (
          <form method="post" action={`/calendar/${p.patientId}/link/end`}>
            <Csrf token={p.csrf} />
            <p>{w.privateStop}</p>
            <p class="actions">
              <button type="submit" class="secondary">{w.end}</button>
            </p>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="choices-title">
        <h2 id="choices-title">{w.choicesTitle}</h2>
        <form method="post" action={`/calendar/${p.patientId}/choices`} novalidate>
          <Csrf token={p.csrf} />
          <Field t={ctx.t} name="remindAt" label={w.remindAt} hint={w.remindHint} value={p.remindAt} error={p.errors['remindAt']} inputMode="numeric" maxLength={5} />
          <p class="hint">{w.nameHint}</p>
          <Checkbox t={ctx.t} name="nameMedicine" label={w.nameMedicine} checked={p.nameMedicine} />
          <p class="actions">
            <button type="submit" class="secondary">{w.save}</button>
          </p>
        </form>
      </section>
    </Layout>
  );
}
