// "Who may act for me" on the patient's side: who may look along and the invitations waiting (with
// the one main action, inviting someone), the invitation form, the page a mailed invitation opens,
// and who else looked at the record. Patient side: large type, one column, no script.
import { Layout, type PageContext } from '../components/Layout.js';
import { Csrf, ErrorSummary, Field, Notice, Radios, type FieldErrors } from '../components/Form.js';
import { PageLinks } from '../components/PageLinks.js';
import { roleLabel } from '../components/Patient.js';
import { calendarDate, timeSpan } from '../time-format.js';
import { groupVisits, type AccessRead, type Visit } from '../access-visits.js';
import { dayInNl } from '../../schema/clock.js';
import type { InvitationPreview, MyAccessEntry, MyCaregiverView, MyCaregivers } from '../../schema/caregiver-invite.schema.js';
import type { Messages } from '../i18n/index.js';
import { INVITE_CHOICES } from './caregivers.forms.js';

const dayOf = (ctx: PageContext, iso: string) => calendarDate(ctx.lang, dayInNl(Date.parse(iso)));

/** Where a link stands, in the patient's words. */
function standing(t: Messages, c: MyCaregiverView): string {
  const s = t.me.status;
  if (c.gap === null) return s.working;
  if (c.withdrawnBy) return c.withdrawnBy === 'patient' ? s.withdrawn : s.withdrawnByClinic;
  return c.gap === 'patient-consent' ? s.waiting : s.other;
}

export type CaregiversNotice = 'sent' | 'stopped' | 'cancelled';

export function MyCaregiversPage({ ctx, data, csrf, notice }: { ctx: PageContext; data: MyCaregivers; csrf: string; notice: CaregiversNotice | undefined }) {
  const t = ctx.t;
  const c = t.caregiverInvites;
  return (
    <Layout ctx={ctx} title={c.title}>
      <h1>{c.title}</h1>
      {notice ? <Notice ok>{c[notice]}</Notice> : null}
      <p class="lead">{c.intro}</p>
      <p class="actions">
        <a class="button" href="/me/caregivers/invite">{c.inviteLink}</a>
      </p>
      <section aria-labelledby="links-title">
        <h2 id="links-title">{c.linksTitle}</h2>
        {data.links.length === 0 ? (
          <p>{c.none}</p>
        ) : (
          <ul>
            {data.links.map((l) => (
              <li key={l.id}>
                <h3>{l.displayName}</h3>
                <p>{c.since(c.relations[l.relation], dayOf(ctx, l.since))}</p>
                <p>{standing(t, l)}</p>
                {l.withdrawnAt ? null : (
                  <form method="post" action={`/me/caregivers/${l.id}/remove`}>
                    <Csrf token={csrf} />
                    <p class="hint">{c.stopHint}</p>
                    <p class="actions">
                      <button type="submit" class="secondary">{c.stop(l.displayName)}</button>
                    </p>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {data.invitations.length === 0 ? null : (
        <section aria-labelledby="waiting-title">
          <h2 id="waiting-title">{c.waitingTitle}</h2>
          <ul>
            {data.invitations.map((i) => (
              <li key={i.id}>
                <h3 class="break-any">{i.email}</h3>
                <p>{i.expired ? c.expired : c.waiting(c.relations[i.relation], dayOf(ctx, i.expiresAt))}</p>
                <form method="post" action={`/me/caregivers/${i.id}/remove`}>
                  <Csrf token={csrf} />
                  <p class="actions">
                    {/* The address is said to a screen reader; on screen it stands above, where it may wrap. */}
                    <button type="submit" class="secondary">
                      {c.cancel}
                      <span class="visually-hidden"> ({i.email})</span>
                    </button>
                  </p>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <a href="/me">{c.home}</a>
      </p>
    </Layout>
  );
}

export function InvitePage({ ctx, csrf, values = {}, errors = {} }: { ctx: PageContext; csrf: string; values?: Record<string, string>; errors?: FieldErrors }) {
  const t = ctx.t;
  const c = t.caregiverInvites;
  return (
    <Layout ctx={ctx} title={c.inviteTitle}>
      <ErrorSummary t={t} errors={errors} />
      <h1>{c.inviteTitle}</h1>
      <p class="lead">{c.inviteIntro}</p>
      <form method="post" action="/me/caregivers/invite" novalidate>
        <Csrf token={csrf} />
        <Field t={t} name="email" type="email" label={c.email} hint={c.emailHint} value={values.email} error={errors.email} autocomplete="off" spellcheck={false} autofocus />
        <Radios t={t} name="relation" legend={c.relationLegend} options={INVITE_CHOICES.map((v) => ({ value: v, label: c.choices[v] }))} value={values.relation} error={errors.relation} />
        <p class="hint">{c.representative}</p>
        <p>{c.consent}</p>
        <p class="actions">
          <button type="submit">{c.submit}</button>
        </p>
      </form>
      <p>
        <a href="/me/caregivers">{c.back}</a>
      </p>
    </Layout>
  );
}

/** Why a mailed invitation cannot be used, by the problem's code. */
export type InvitationRefusal = keyof Messages['caregiverInvites']['refused'];

/**
 * The page a mailed invitation opens. Signed in with the invited address: one button takes it.
 * Not signed in: sign in (the address has an account), or make the account here.
 */
export function InvitationPage(props: {
  ctx: PageContext; csrf: string; token: string; preview: InvitationPreview | null; refusal?: InvitationRefusal | undefined; signedIn: boolean;
  values?: Record<string, string>; errors?: FieldErrors;
}) {
  const { ctx, csrf, token, preview, refusal, signedIn, values = {}, errors = {} } = props;
  const t = ctx.t;
  const c = t.caregiverInvites;
  const back = `/caregiver-invitation?token=${encodeURIComponent(token)}`;
  return (
    <Layout ctx={ctx} title={c.openTitle}>
      <ErrorSummary t={t} errors={errors} />
      <h1>{c.openTitle}</h1>
      {refusal ? (
        <>
          <Notice>{c.refused[refusal]}</Notice>
          {refusal === 'invitation-other-account' && signedIn ? (
            <form method="post" action="/sign-out">
              <Csrf token={csrf} />
              <p class="actions">
                <button type="submit">{c.signOut}</button>
              </p>
            </form>
          ) : null}
          {(refusal === 'invitation-used' || refusal === 'invitation-address-has-account') && !signedIn ? (
            <p class="actions">
              <a class="button" href={`/sign-in?return=${encodeURIComponent(refusal === 'invitation-used' ? '/care' : back)}`}>{c.signIn}</a>
            </p>
          ) : null}
        </>
      ) : null}
      {preview ? (
        <>
          <p class="lead">{c.openIntro(preview.patientName, c.relations[preview.relation])}</p>
          <p>{c.openWhat}</p>
          <p>{c.openUntil(dayOf(ctx, preview.expiresAt))}</p>
          {signedIn ? (
            <form method="post" action="/caregiver-invitation/accept">
              <Csrf token={csrf} />
              <input type="hidden" name="token" value={token} />
              <p class="actions">
                <button type="submit">{c.accept}</button>
              </p>
            </form>
          ) : preview.hasAccount ? (
            <>
              <p>{c.hasAccount(preview.email)}</p>
              <p class="actions">
                <a class="button" href={`/sign-in?return=${encodeURIComponent(back)}`}>{c.signIn}</a>
              </p>
            </>
          ) : (
            <section aria-labelledby="account-title">
              <h2 id="account-title">{c.accountTitle}</h2>
              <p>{c.accountIntro(preview.email)}</p>
              <form method="post" action="/caregiver-invitation/account" novalidate>
                <Csrf token={csrf} />
                <input type="hidden" name="token" value={token} />
                <Field t={t} name="displayName" label={c.name} hint={c.nameHint} value={values.displayName} error={errors.displayName} autocomplete="name" />
                <Field t={t} name="password" type="password" label={t.activate.password} hint={t.activate.passwordHint} error={errors.password} autocomplete="new-password" />
                <Field t={t} name="password2" type="password" label={t.activate.password2} error={errors.password2} autocomplete="new-password" />
                <p class="actions">
                  <button type="submit">{c.create}</button>
                </p>
              </form>
            </section>
          )}
        </>
      ) : null}
    </Layout>
  );
}

/** "Bekeek de medicijnen (3 keer), zette iets in of veranderde de medische gegevens". */
function visitWords(t: Messages, v: Visit): string {
  const m = t.accessLog.mine;
  const words = v.actions
    .map(({ action, count }) => {
      const [did, part] = action.split(':') as [MyAccessEntry['did'], MyAccessEntry['part']];
      return `${m.did[did]} ${m.parts[part]}${t.accessLog.times(count)}`;
    })
    .join(', ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Who else looked at the record: one line per person per visit (accesses at most 30 minutes apart),
 * what they did with which part, and when in Dutch time. `patientName` given: a caregiver reads it.
 */
export function MyAccessLogPage(props: {
  ctx: PageContext; entries: readonly MyAccessEntry[]; older: string | null; newer: string | null; patientName?: string | undefined; backHref: string;
}) {
  const { ctx, entries, older, newer, patientName, backHref } = props;
  const t = ctx.t;
  const m = t.accessLog.mine;
  const title = patientName === undefined ? m.title : m.titleFor(patientName);
  // The person is their name, role and organisation: a page reader has no account ids to go by.
  const reads: AccessRead[] = entries.map((e) => ({ at: e.at, action: `${e.did}:${e.part}`, role: e.role, who: e.who, organisation: e.organisation, userId: JSON.stringify([e.who, e.role, e.organisation]) }));
  const visits = groupVisits(reads);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {patientName === undefined ? null : <p class="lead">{m.lookingAt(patientName)}</p>}
      <p>{patientName === undefined ? m.intro : m.introFor}</p>
      {visits.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="stack">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{m.when}</th>
                <th scope="col">{m.who}</th>
                <th scope="col">{m.as}</th>
                <th scope="col">{m.what}</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((v, i) => (
                <tr key={i}>
                  <th scope="row" data-label={m.when}>{timeSpan(ctx.lang, v.from, v.to, t.accessLog.until)}</th>
                  <td data-label={m.who}>{v.who ?? m.nobody}</td>
                  <td data-label={m.as}>{[roleLabel(t, v.role), v.organisation].filter(Boolean).join(', ')}</td>
                  <td data-label={m.what}>{visitWords(t, v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PageLinks
        label={t.accessLog.pages}
        links={[
          newer ? { href: `?cursor=${newer}`, text: t.accessLog.newer, rel: 'prev' } : null,
          older ? { href: `?cursor=${older}`, text: t.accessLog.older, rel: 'next' } : null,
        ]}
      />
      <p>
        <a href={backHref}>{patientName === undefined ? m.back : m.backCare}</a>
      </p>
    </Layout>
  );
}
