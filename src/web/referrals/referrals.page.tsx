// The referral pages. The hospital's side (/patients/:id/referrals): the record's referrals, the
// form to refer with what goes along, and ending an accepted one. The practice's side (/referrals):
// what waits for its decision (the limited view: name, birth date, and what the referral said),
// accept and decline, its own patients, and a GP's letter recorded. The therapy hub
// (/patients/:id/therapy): the referral and the ways to the five parts of the exercise therapy.
import type { ComponentChildren } from 'preact';
import { Layout, type PageContext } from '../components/Layout.js';
import { Chip, DataTable, EmptyState, RecordFrame, type BannerPatient } from '../components/Record.js';
import { Csrf, ErrorSummary, Field, Notice, Radios, Select, TextArea, type FieldErrors } from '../components/Form.js';
import type { PatientReferrals, PracticeMeasurements, ReferralView, WaitingReferral } from '../../api/facade.js';
import { PracticeMeasurementsSection } from '../measure-due/measure-due.section.js';
import { AGREEMENT_TOPICS } from '../../schema/decision.schema.js';
import { fullName } from '../../core/names.js';
import { numericDate, numericDateTime } from '../time-format.js';

export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

type Said = Pick<ReferralView, 'vfa' | 'agreements'>;
const failedTitle = (ctx: PageContext, title: string, errors: FieldErrors | undefined) => (Object.keys(errors ?? {}).length > 0 ? `${ctx.t.form.titlePrefix}: ${title}` : title);

const TONE = { pending: 'warn', accepted: 'ok', declined: 'plain', ended: 'plain' } as const;

export function StatusChip({ ctx, status }: { ctx: PageContext; status: ReferralView['status'] }) {
  return <Chip tone={TONE[status]}>{ctx.t.referralPages.status[status]}</Chip>;
}

/** The VFA result as it was sent: each vertebra with its grade in words. */
export function VfaWords({ ctx, vfa, heading: H = 'h3' }: { ctx: PageContext; vfa: Said['vfa']; heading?: 'h2' | 'h3' | 'h4' }) {
  const r = ctx.t.referralPages;
  return (
    <>
      <H>{r.vfaTitle}</H>
      {vfa ? (
        <>
          <p>{r.vfaOf(numericDate(vfa.date))}</p>
          <ul class="bullets">
            {vfa.vertebrae.map((v) => <li key={v.level}>{r.vertebra(v.level, r.grades[String(v.grade) as keyof typeof r.grades] ?? String(v.grade))}</li>)}
          </ul>
        </>
      ) : <p>{r.noVfa}</p>}
    </>
  );
}

/** The agreements of the shared decision as they were sent. */
export function AgreementsWords({ ctx, agreements, heading: H = 'h3' }: { ctx: PageContext; agreements: Said['agreements']; heading?: 'h2' | 'h3' | 'h4' }) {
  const r = ctx.t.referralPages;
  const d = ctx.t.decision;
  if (!agreements) {
    return (
      <>
        <H>{r.agreementsTitle}</H>
        <p>{r.noAgreements}</p>
      </>
    );
  }
  const drug = agreements.drug ? ` (${(ctx.t.facts.options.drug as Record<string, string>)[agreements.drug] ?? agreements.drug})` : '';
  const given = AGREEMENT_TOPICS.filter((a) => agreements.agreements[a] !== undefined);
  return (
    <>
      <H>{r.agreementsTitle}</H>
      <p>{r.agreementsOf(numericDate(agreements.decidedOn), `${d.options[agreements.option] ?? agreements.option}${drug}`)}</p>
      {given.length > 0 ? <dl>{given.map((a) => [<dt key={`${a}-t`}>{d.agreements[a] ?? a}</dt>, <dd key={`${a}-d`}>{agreements.agreements[a]}</dd>])}</dl> : null}
    </>
  );
}

/** What a referral said: the reason, whose letter (a GP's), the VFA result and the agreements. */
function ReferralSaid({ ctx, r, heading = 'h3' }: { ctx: PageContext; r: ReferralView | WaitingReferral; heading?: 'h2' | 'h3' | 'h4' }) {
  const t = ctx.t.referralPages;
  const H = heading;
  const letter = 'gp' in r ? r : undefined;
  return (
    <>
      <H>{t.reasonTitle}</H>
      <p>{r.reason}</p>
      {letter?.gp ? <p>{t.gpLetter(letter.gp.name, letter.gp.practice, numericDate(letter.letterDate ?? ''))}</p> : null}
      <VfaWords ctx={ctx} vfa={r.vfa} heading={H} />
      <AgreementsWords ctx={ctx} agreements={r.agreements} heading={H} />
    </>
  );
}

const fromWords = (ctx: PageContext, r: ReferralView | WaitingReferral) => r.from?.name ?? ctx.t.referralPages.source[r.source];

/** The end or decline of a referral, or its acceptance, in words. */
function outcome(ctx: PageContext, r: ReferralView): string {
  const p = ctx.t.referralPages.patient;
  const someone = ctx.t.referralPages.someone;
  if (r.status === 'declined') return p.declined(r.decidedBy ?? someone, r.declineReason ?? '');
  if (r.status === 'ended') return p.ended(r.endedBy ?? someone, r.endReason ?? '');
  if (r.status === 'accepted' && r.decidedAt) return p.acceptedBy(r.decidedBy ?? someone, numericDateTime(r.decidedAt));
  return '–';
}

export function PatientReferralsPage(p: {
  ctx: PageContext;
  patient: BannerPatient;
  view: PatientReferrals;
  mayRefer: boolean;
  mayEnd: (r: ReferralView) => boolean;
  csrf: string;
  form?: FormState | undefined;
  notice?: 'referred' | 'ended' | undefined;
}) {
  const { ctx, patient, view } = p;
  const r = ctx.t.referralPages;
  const pr = r.patient;
  const errors = p.form?.errors ?? {};
  const v = p.form?.values ?? {};
  const title = failedTitle(ctx, ctx.t.clinical.sectionTitle(pr.title, fullName(patient)), errors);
  return (
    <RecordFrame ctx={ctx} patient={patient} section="overview" heading={pr.title} title={title}>
      {p.notice ? <Notice ok>{p.notice === 'referred' ? pr.referred : pr.endedNotice}</Notice> : null}
      <p>{pr.intro}</p>
      {view.referrals.length === 0 ? <EmptyState>{pr.none}</EmptyState> : (
        <DataTable
          caption={pr.caption}
          rows={view.referrals}
          rowKey={(x) => x.id}
          columns={[
            { label: pr.columns.to, cell: (x) => x.to.name },
            { label: pr.columns.status, cell: (x) => <StatusChip ctx={ctx} status={x.status} /> },
            { label: pr.columns.referred, cell: (x) => <>{pr.on(numericDateTime(x.referredAt), x.referredBy ?? r.someone)}<br />{fromWords(ctx, x)}</> },
            { label: pr.columns.reason, cell: (x) => x.reason },
            {
              label: pr.columns.outcome,
              cell: (x) => (
                <>
                  {outcome(ctx, x)}
                  {p.mayEnd(x) ? <><br /><a href={`/patients/${patient.id}/referrals/${x.id}/end`}>{pr.endLink(x.to.name)}</a></> : null}
                </>
              ),
            },
          ]}
        />
      )}
      {p.mayRefer ? (
        <section aria-labelledby="refer-title">
          <h2 id="refer-title">{pr.referTitle}</h2>
          <p>{pr.referIntro}</p>
          <h3>{pr.sendsTitle}</h3>
          <VfaWords ctx={ctx} vfa={view.sends.vfa} heading="h4" />
          <AgreementsWords ctx={ctx} agreements={view.sends.agreements} heading="h4" />
          {view.practices.length === 0 ? <p>{pr.noPractices}</p> : (
            <>
              <ErrorSummary t={ctx.t} errors={errors} />
              <form method="post" action={`/patients/${patient.id}/referrals`} novalidate>
                <Csrf token={p.csrf} />
                <Select t={ctx.t} name="organisationId" label={pr.practice} blank={pr.practiceBlank} value={v.organisationId} error={errors.organisationId}
                  options={view.practices.map((o) => ({ value: o.id, label: o.name }))} />
                <TextArea t={ctx.t} name="reason" label={pr.reason} hint={pr.reasonHint} maxLength={2000} value={v.reason} error={errors.reason} />
                <p class="actions">
                  <button type="submit">{pr.submit}</button>
                </p>
              </form>
            </>
          )}
        </section>
      ) : null}
    </RecordFrame>
  );
}

/** A page with one reason to give (end, decline): what it is about, the reason, the button, the way back. */
function ReasonForm(p: { ctx: PageContext; action: string; label: string; hint: string; submit: string; back: { href: string; label: string }; csrf: string; form?: FormState | undefined }) {
  const errors = p.form?.errors ?? {};
  return (
    <>
      <ErrorSummary t={p.ctx.t} errors={errors} />
      <form method="post" action={p.action} novalidate>
        <Csrf token={p.csrf} />
        <TextArea t={p.ctx.t} name="reason" label={p.label} hint={p.hint} maxLength={2000} value={p.form?.values.reason} error={errors.reason} />
        <p class="actions">
          <button type="submit">{p.submit}</button>
        </p>
      </form>
      <p>
        <a href={p.back.href}>{p.back.label}</a>
      </p>
    </>
  );
}

export function EndReferralPage(p: { ctx: PageContext; patient: BannerPatient; referral: ReferralView; csrf: string; form?: FormState | undefined; notOpen?: boolean }) {
  const { ctx, patient, referral } = p;
  const e = ctx.t.referralPages.end;
  const back = { href: `/patients/${patient.id}/referrals`, label: e.back };
  return (
    <RecordFrame ctx={ctx} patient={patient} section="overview" heading={e.title} title={failedTitle(ctx, ctx.t.clinical.sectionTitle(e.title, fullName(patient)), p.form?.errors)}>
      {p.notOpen || referral.status !== 'accepted' ? (
        <>
          <Notice>{e.notOpen}</Notice>
          <p><a href={back.href}>{back.label}</a></p>
        </>
      ) : (
        <>
          <p>{e.intro(referral.to.name)}</p>
          <ReasonForm ctx={ctx} action={`/patients/${patient.id}/referrals/${referral.id}/end`} label={e.reason} hint={e.reasonHint} submit={e.submit} back={back} csrf={p.csrf} form={p.form} />
        </>
      )}
    </RecordFrame>
  );
}

function Waiting({ ctx, w, csrf }: { ctx: PageContext; w: WaitingReferral; csrf: string }) {
  const pr = ctx.t.referralPages.practice;
  return (
    <article class="referral" aria-labelledby={`ref-${w.id}`}>
      <h3 id={`ref-${w.id}`}>{w.patient.name}</h3>
      <dl class="facts">
        <dt>{pr.born}</dt>
        <dd class="num">{numericDate(w.patient.birthDate)}</dd>
        <dt>{pr.from}</dt>
        <dd>{fromWords(ctx, w)}: {pr.referredOn(numericDateTime(w.referredAt), w.referredBy ?? ctx.t.referralPages.someone)}</dd>
      </dl>
      <ReferralSaid ctx={ctx} r={w} heading="h4" />
      <form method="post" action={`/referrals/${w.id}/accept`} class="inline-actions">
        <Csrf token={csrf} />
        <p class="actions">
          <button type="submit" aria-label={pr.acceptFor(w.patient.name)}>{pr.accept}</button>{' '}
          <a href={`/referrals/${w.id}/decline`}>{pr.decline(w.patient.name)}</a>
        </p>
      </form>
    </article>
  );
}

export function PracticeReferralsPage(p: {
  ctx: PageContext;
  waiting: readonly WaitingReferral[];
  takenOn: readonly WaitingReferral[];
  /** The practice's worklist: the next measurement of each patient it took on. */
  measurements?: PracticeMeasurements | undefined;
  csrf: string;
  letter?: FormState | undefined;
  notice?: 'accepted' | 'declined' | 'not-waiting' | undefined;
}) {
  const { ctx } = p;
  const r = ctx.t.referralPages;
  const pr = r.practice;
  const l = r.letter;
  const errors = p.letter?.errors ?? {};
  const v = p.letter?.values ?? {};
  const notice = p.notice === 'accepted' ? pr.accepted : p.notice === 'declined' ? pr.declined : p.notice === 'not-waiting' ? pr.notWaiting : undefined;
  return (
    <Layout ctx={ctx} title={failedTitle(ctx, pr.title, errors)}>
      <h1>{pr.title}</h1>
      {notice ? <Notice ok={p.notice !== 'not-waiting'}>{notice}</Notice> : null}
      <p class="lead">{pr.count(p.waiting.length)}</p>
      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">{pr.waitingTitle(p.waiting.length)}</h2>
        <p>{pr.limited}</p>
        {p.waiting.map((w) => <Waiting key={w.id} ctx={ctx} w={w} csrf={p.csrf} />)}
      </section>
      {p.measurements ? <PracticeMeasurementsSection ctx={ctx} list={p.measurements} /> : null}
      <section aria-labelledby="taken-title">
        <h2 id="taken-title">{pr.takenOnTitle}</h2>
        {p.takenOn.length === 0 ? <EmptyState>{pr.takenOnNone}</EmptyState> : (
          <DataTable
            caption={pr.takenOnCaption}
            captionHidden
            rows={p.takenOn}
            rowKey={(x) => x.id}
            columns={[
              { label: pr.columns.name, cell: (x) => <a href={`/patients/${x.patientId}/therapy`}>{x.patient.name}</a> },
              { label: pr.columns.born, cell: (x) => numericDate(x.patient.birthDate), numeric: true },
              { label: pr.columns.source, cell: (x) => fromWords(ctx, x) },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="letter-title">
        <h2 id="letter-title">{l.title}</h2>
        <p>{l.intro}</p>
        <ErrorSummary t={ctx.t} errors={errors} />
        <form method="post" action="/referrals/gp-letter" novalidate>
          <Csrf token={p.csrf} />
          <fieldset>
            <legend>{l.patientTitle}</legend>
            <Field t={ctx.t} name="familyName" label={l.familyName} value={v.familyName} autocomplete="off" spellcheck={false} error={errors.familyName} />
            <Field t={ctx.t} name="givenName" label={l.givenName} value={v.givenName} autocomplete="off" spellcheck={false} error={errors.givenName} />
            <Field t={ctx.t} name="birthDate" label={l.birthDate} hint={l.dateHint} value={v.birthDate} inputMode="numeric" autocomplete="off" spellcheck={false} error={errors.birthDate} />
            <Radios t={ctx.t} name="sex" legend={l.sex} value={v.sex} error={errors.sex} options={(['female', 'male'] as const).map((s) => ({ value: s, label: ctx.t.patients.sex[s] }))} />
          </fieldset>
          <fieldset>
            <legend>{l.gpTitle}</legend>
            <Field t={ctx.t} name="gpName" label={l.gpName} value={v.gpName} autocomplete="off" error={errors.gpName} />
            <Field t={ctx.t} name="gpPractice" label={l.gpPractice} optional value={v.gpPractice} autocomplete="off" error={errors.gpPractice} />
            <Field t={ctx.t} name="letterDate" label={l.letterDate} hint={l.dateHint} value={v.letterDate} inputMode="numeric" autocomplete="off" spellcheck={false} error={errors.letterDate} />
            <TextArea t={ctx.t} name="reason" label={l.reason} hint={l.reasonHint} maxLength={2000} value={v.reason} error={errors.reason} />
          </fieldset>
          <p class="actions">
            <button type="submit">{l.submit}</button>
          </p>
        </form>
      </section>
    </Layout>
  );
}

export function DeclineReferralPage(p: { ctx: PageContext; referral: WaitingReferral; csrf: string; form?: FormState | undefined }) {
  const { ctx, referral } = p;
  const d = ctx.t.referralPages.decline;
  return (
    <Layout ctx={ctx} title={failedTitle(ctx, d.title, p.form?.errors)}>
      <h1>{d.title}</h1>
      <p class="lead">{d.intro(referral.patient.name)}</p>
      <ReferralSaid ctx={ctx} r={referral} heading="h2" />
      <ReasonForm ctx={ctx} action={`/referrals/${referral.id}/decline`} label={d.reason} hint={d.reasonHint} submit={d.submit} back={{ href: '/referrals', label: d.back }} csrf={p.csrf} form={p.form} />
    </Layout>
  );
}

/** The five parts of the practice's exercise therapy, each its own page. */
export const THERAPY_PARTS = ['intake', 'education', 'plan', 'home-check', 'coaching'] as const;

export function TherapyHubPage(p: { ctx: PageContext; patient: BannerPatient; referral: ReferralView | undefined; practiceSide: boolean; notice?: 'recorded' | 'accepted' | undefined }) {
  const { ctx, patient, referral } = p;
  const h = ctx.t.referralPages.hub;
  const links: { href: string; label: ComponentChildren }[] = [
    { href: `/patients/${patient.id}/referrals`, label: h.allReferrals },
    { href: `/patients/${patient.id}`, label: h.record },
    ...(p.practiceSide ? [{ href: '/referrals', label: h.back }] : []),
  ];
  return (
    <RecordFrame ctx={ctx} patient={patient} section={null} heading={h.title}>
      {p.notice ? <Notice ok>{p.notice === 'recorded' ? h.recorded : h.accepted}</Notice> : null}
      <p>{h.intro}</p>
      <section aria-labelledby="parts-title">
        <h2 id="parts-title">{h.partsTitle}</h2>
        <ul class="bullets">
          {THERAPY_PARTS.map((part) => (
            <li key={part}>
              <a href={`/patients/${patient.id}/therapy/${part}`}>{h.parts[part]}</a>
            </li>
          ))}
          <li>
            <a href={`/patients/${patient.id}/therapy/measurements`}>{ctx.t.measurements.hubLink}</a>
          </li>
        </ul>
        <p>
          <a href={`/patients/${patient.id}/therapy/progress`}>{ctx.t.progress.hubLink}</a>
        </p>
      </section>
      <section aria-labelledby="referral-title">
        <h2 id="referral-title">{h.referralTitle}</h2>
        {referral ? (
          <>
            <dl class="facts">
              <dt>{h.to}</dt>
              <dd>{referral.to.name}</dd>
              <dt>{h.from}</dt>
              <dd>{fromWords(ctx, referral)}: {ctx.t.referralPages.patient.on(numericDateTime(referral.referredAt), referral.referredBy ?? ctx.t.referralPages.someone)}</dd>
              <dt>{h.status}</dt>
              <dd><StatusChip ctx={ctx} status={referral.status} /></dd>
            </dl>
            <ReferralSaid ctx={ctx} r={referral} heading="h3" />
          </>
        ) : <EmptyState>{h.noReferral}</EmptyState>}
      </section>
      <ul class="bullets">
        {links.map((l) => <li key={l.href}><a href={l.href}>{l.label}</a></li>)}
      </ul>
    </RecordFrame>
  );
}
