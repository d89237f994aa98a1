// The patient record as each role sees it: the clinician's search and new-patient form, the record
// with its correction and account forms, who looked at it, what changed, and the activation letter.
import { Layout, type PageContext } from '../components/Layout.js';
import { PageLinks } from '../components/PageLinks.js';
import { Checkbox, Csrf, ErrorSummary, Field, Notice, Radios, Select, TextArea, type FieldErrors } from '../components/Form.js';
import { calendarDate, dateTime, timeSpan } from '../time-format.js';
import { groupVisits, type Visit } from '../access-visits.js';
import { messages, type Messages } from '../i18n/index.js';
import { typedFromIso } from '../forms.js';
import { PatientDetails, roleLabel, stageLabel } from '../components/Patient.js';
import { RecordFrame } from '../components/Record.js';
import type { Patient, PatientSummary } from '../../schema/patient.schema.js';
import { phoneForDisplay } from '../../schema/phone.js';
import type { Page } from '../../schema/paging.js';
import { fullName, listName } from '../../core/names.js';
import type { AccessLogView, CaregiverView, RecordPermissions, RevisionView } from '../../api/facade.js';


const errTitle = (ctx: PageContext, title: string, errors: FieldErrors) =>
  Object.keys(errors).length > 0 ? `${ctx.t.form.titlePrefix}: ${title}` : title;

export const PATIENT_FIELDS = ['familyNamePrefix', 'familyName', 'givenName', 'birthDate', 'sex', 'bsn', 'phone', 'email', 'gpPractice', 'language', 'livesAlone'] as const;
export type PatientField = (typeof PATIENT_FIELDS)[number];

/** The patient form's inputs, shared by "new patient" and "correct the details". */
function PatientFields({ t, values, errors, withBsn }: { t: Messages; values: Record<string, string>; errors: FieldErrors; withBsn: boolean }) {
  const f = t.patients.fields;
  const h = t.patients.hints;
  return (
    <>
      <Field t={t} name="givenName" label={f.givenName} value={values.givenName} autocomplete="off" error={errors.givenName} />
      <Field t={t} name="familyNamePrefix" label={f.familyNamePrefix} hint={h.familyNamePrefix} value={values.familyNamePrefix} autocomplete="off" optional error={errors.familyNamePrefix} />
      <Field t={t} name="familyName" label={f.familyName} hint={h.familyName} value={values.familyName} autocomplete="off" error={errors.familyName} />
      <Field t={t} name="birthDate" label={f.birthDate} hint={h.birthDate} value={values.birthDate} inputMode="numeric" autocomplete="off" spellcheck={false} error={errors.birthDate} />
      <Radios
        t={t}
        name="sex"
        legend={f.sex}
        value={values.sex}
        error={errors.sex}
        options={[
          { value: 'female', label: t.patients.sex.female },
          { value: 'male', label: t.patients.sex.male },
        ]}
      />
      {withBsn ? (
        <Field t={t} name="bsn" label={f.bsn} hint={h.bsn} value={values.bsn} inputMode="numeric" autocomplete="off" optional error={errors.bsn} />
      ) : null}
      <Field t={t} name="phone" type="tel" label={f.phone} hint={h.phone} value={values.phone} autocomplete="off" optional error={errors.phone} />
      <Field t={t} name="email" type="email" label={f.email} value={values.email} autocomplete="off" spellcheck={false} optional error={errors.email} />
      <Field t={t} name="gpPractice" label={f.gpPractice} value={values.gpPractice} autocomplete="off" optional error={errors.gpPractice} />
      <Radios
        t={t}
        name="language"
        legend={f.language}
        hint={h.language}
        value={values.language ?? 'nl'}
        error={errors.language}
        options={[
          { value: 'nl', label: t.logistics.invitations.languages.nl },
          { value: 'en', label: t.logistics.invitations.languages.en },
        ]}
      />
      <Radios
        t={t}
        name="livesAlone"
        legend={f.livesAlone}
        value={values.livesAlone ?? ''}
        error={errors.livesAlone}
        options={[
          { value: 'yes', label: t.form.yes },
          { value: 'no', label: t.form.no },
          { value: '', label: h.livesAloneUnknown },
        ]}
      />
    </>
  );
}

export function PatientsPage(props: {
  ctx: PageContext;
  q: string;
  birthDate: string;
  results: Pick<Page<PatientSummary>, 'items' | 'nextCursor' | 'prevCursor' | 'total' | 'before'>;
  canCreate: boolean;
  errors?: FieldErrors;
}) {
  const { ctx } = props;
  const t = ctx.t;
  const p = t.patients;
  const errors = props.errors ?? {};
  const { items, total, before } = props.results;
  // A page link keeps the search, so the next page is the next page of the same list.
  const pageHref = (cursor?: string) => {
    const q = new URLSearchParams();
    if (props.q) q.set('q', props.q);
    if (props.birthDate) q.set('birthDate', props.birthDate);
    if (cursor) q.set('cursor', cursor);
    const query = q.toString();
    return query === '' ? '/patients' : `/patients?${query}`;
  };
  const { prevCursor, nextCursor } = props.results;
  return (
    <Layout ctx={ctx} title={errTitle(ctx, p.title, errors)}>
      <h1>{p.title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {props.canCreate ? (
        <p class="actions">
          <a class="button" href="/patients/new">
            {p.new}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="search-title">
        <h2 id="search-title">{p.searchTitle}</h2>
        <form method="get" action="/patients" role="search" aria-labelledby="search-title">
          <Field t={t} name="q" type="search" label={p.q} hint={p.qHint} value={props.q} autocomplete="off" optional error={errors.q} />
          <Field t={t} name="birthDate" label={p.birthDate} hint={t.patients.hints.birthDate} value={props.birthDate} inputMode="numeric" autocomplete="off" spellcheck={false} optional error={errors.birthDate} />
          <p class="actions">
            <button type="submit">{p.search}</button>
          </p>
        </form>
      </section>
      <section aria-labelledby="results-title">
        <h2 id="results-title">{p.results}</h2>
        <p role="status">
          {total === 0 ? p.none : items.length === 0 ? p.count(total) : `${p.count(total)} ${p.shown(before + 1, before + items.length)}`}
        </p>
        {items.length > 0 ? (
          <div class="table-scroll">
            <table class="stack">
              <thead>
                <tr>
                  <th scope="col">{p.name}</th>
                  <th scope="col">{p.birthDate}</th>
                  <th scope="col">{p.stage}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" data-label={p.name}>
                      <a href={`/patients/${r.id}`}>{listName(r)}</a>
                    </th>
                    <td data-label={p.birthDate}>{calendarDate(ctx.lang, r.birthDate)}</td>
                    <td data-label={p.stage}>{stageLabel(t, r.pathwayStage)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <PageLinks
          label={p.pages}
          links={[
            prevCursor ? { href: pageHref(prevCursor), text: p.previous, rel: 'prev' } : null,
            nextCursor ? { href: pageHref(nextCursor), text: p.next, rel: 'next' } : null,
            // An empty page of a list that has rows (a stale or edited link): back to the start.
            items.length === 0 && (prevCursor || nextCursor || total > 0) ? { href: pageHref(), text: p.firstPage } : null,
          ]}
        />
      </section>
    </Layout>
  );
}

export function NewPatientPage(props: {
  ctx: PageContext;
  csrf: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  /** Records with the same birth date and a similar name: the second step, before saving. */
  duplicates?: readonly PatientSummary[];
}) {
  const { ctx } = props;
  const t = ctx.t;
  const d = t.patients.duplicates;
  const errors = props.errors ?? {};
  const duplicates = props.duplicates ?? [];
  return (
    <Layout ctx={ctx} title={errTitle(ctx, t.patients.new, errors)}>
      <h1>{t.patients.new}</h1>
      <ErrorSummary t={t} errors={errors} />
      {duplicates.length > 0 ? (
        <section aria-labelledby="duplicates-title" class="notice">
          <h2 id="duplicates-title">{d.title}</h2>
          <p>{d.intro}</p>
          <ul>
            {duplicates.map((p) => (
              <li key={p.id}>
                <a href={`/patients/${p.id}`}>{d.open(fullName(p))}</a> ({d.born(calendarDate(ctx.lang, p.birthDate))})
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p class="lead">{t.patients.newIntro}</p>
      )}
      <form method="post" action="/patients/new" novalidate>
        <Csrf token={props.csrf} />
        <PatientFields t={t} values={props.values ?? {}} errors={errors} withBsn />
        {duplicates.length > 0 ? (
          <>
            <input type="hidden" name="duplicatesShown" value="yes" />
            <Checkbox t={t} name="differentPerson" label={d.confirm} checked={props.values?.differentPerson === 'yes'} error={errors.differentPerson} />
          </>
        ) : null}
        <p class="actions">
          <button type="submit">{t.patients.create}</button>
        </p>
      </form>
    </Layout>
  );
}

/** The values a patient's form starts with: what the record says now. */
export function patientValues(p: Patient): Record<string, string> {
  return {
    familyNamePrefix: p.familyNamePrefix ?? '',
    familyName: p.familyName,
    givenName: p.givenName,
    birthDate: typedFromIso(p.birthDate),
    sex: p.sex,
    bsn: p.bsn ?? '',
    phone: p.phone === null ? '' : phoneForDisplay(p.phone),
    email: p.email ?? '',
    gpPractice: p.gpPractice ?? '',
    language: p.language,
    livesAlone: p.livesAlone === null ? '' : p.livesAlone ? 'yes' : 'no',
  };
}

export type RecordNotice = 'created' | 'corrected' | 'merged' | 'unmerged';

function AccountForm(props: { ctx: PageContext; csrf: string; patientId: string; values: Record<string, string>; errors: FieldErrors }) {
  const t = props.ctx.t;
  const r = t.record;
  const v = props.values;
  const e = props.errors;
  return (
    <form method="post" action={`/patients/${props.patientId}/account`} novalidate>
      <Csrf token={props.csrf} />
      <Radios
        t={t}
        name="kind"
        legend={r.kind}
        value={v.kind ?? 'patient'}
        error={e.kind}
        options={[
          { value: 'patient', label: r.kinds.patient },
          { value: 'caregiver', label: r.kinds.caregiver },
        ]}
      />
      <Field t={t} name="displayName" label={r.displayName} hint={r.displayNameHint} value={v.displayName} autocomplete="off" optional={r.forCaregiver} error={e.displayName} />
      <Field t={t} name="accountEmail" type="email" label={r.email} hint={r.emailHint} value={v.accountEmail} autocomplete="off" spellcheck={false} optional error={e.accountEmail} />
      <Select
        t={t}
        name="relation"
        label={r.relation}
        hint={r.relationHint}
        value={v.relation}
        error={e.relation}
        optional={r.forCaregiver}
        blank={t.form.chooseOption}
        options={(['parent', 'legal-representative', 'family'] as const).map((x) => ({ value: x, label: r.relations[x] }))}
      />
      <Checkbox t={t} name="patientConsent" label={r.consentLabel} checked={v.patientConsent === 'yes'} error={e.patientConsent} />
      <Field t={t} name="consentGivenBy" label={r.consentGivenBy} hint={r.consentGivenByHint} value={v.consentGivenBy} autocomplete="off" optional error={e.consentGivenBy} />
      <Field
        t={t}
        name="representationProof"
        label={r.representationProof}
        hint={r.representationProofHint}
        value={v.representationProof}
        autocomplete="off"
        optional
        error={e.representationProof}
      />
      <p class="actions">
        <button type="submit">{r.accountSubmit}</button>
      </p>
    </form>
  );
}

export function PatientRecordPage(props: {
  ctx: PageContext;
  patient: Patient;
  caregivers: readonly CaregiverView[];
  /** What the core allows this reader here (the forms below are shown only to those who may use them). */
  may: RecordPermissions;
  csrf: string;
  notice?: RecordNotice | undefined;
  correction?: { values: Record<string, string>; errors: FieldErrors } | undefined;
  /** Other records with the same date of birth, offered for merging (managers only). */
  duplicates?: readonly PatientSummary[];
}) {
  const { ctx, patient } = props;
  const t = ctx.t;
  const r = t.record;
  const errors = props.correction?.errors ?? {};
  const values = props.correction?.values ?? { ...patientValues(patient), reason: '', note: '' };
  const name = fullName(patient);
  return (
    <RecordFrame ctx={ctx} patient={patient} section="overview" heading={name} title={errTitle(ctx, name, errors)}>
      <ErrorSummary t={t} errors={errors} />
      {props.notice ? (
        <Notice ok>{props.notice === 'created' ? t.patients.created : props.notice === 'merged' ? r.merged : props.notice === 'unmerged' ? r.unmerged : r.corrected}</Notice>
      ) : null}
      {patient.mergedInto ? (
        <div class="notice" role="note">
          <p>{r.mergedBanner}</p>
          <p>
            <a href={`/patients/${patient.mergedInto}`}>{r.mergedLink}</a>
          </p>
        </div>
      ) : null}
      <section aria-labelledby="details-title">
        <h2 id="details-title">{r.details}</h2>
        <PatientDetails ctx={ctx} patient={patient} />
        {patient.organisations.some((o) => o.kind === 'day-centre' && o.relation === 'care') ? (
          <p>
            <a href={ctx.side === 'patient' ? `/child/${patient.id}` : `/patients/${patient.id}/child`}>{t.childProfile.title}</a>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="orgs-title">
        <h2 id="orgs-title">{r.organisations}</h2>
        {patient.organisations.length === 0 ? (
          <p>{r.noOrganisations}</p>
        ) : (
          <div class="table-scroll">
            <table class="stack">
              <thead>
                <tr>
                  <th scope="col">{r.organisation}</th>
                  <th scope="col">{r.relationTitle}</th>
                </tr>
              </thead>
              <tbody>
                {patient.organisations.map((o) => (
                  <tr key={o.id + o.relation}>
                    <th scope="row" data-label={r.organisation}>{o.name}</th>
                    <td data-label={r.relationTitle}>{r.orgRelation[o.relation]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="caregivers-title">
        <h2 id="caregivers-title">{r.caregivers}</h2>
        {props.caregivers.length === 0 ? (
          <p>{r.noCaregivers}</p>
        ) : (
          <div class="table-scroll">
            <table class="stack">
              <thead>
                <tr>
                  <th scope="col">{r.caregiverName}</th>
                  <th scope="col">{r.relation}</th>
                  <th scope="col">{r.consent}</th>
                </tr>
              </thead>
              <tbody>
                {props.caregivers.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" data-label={r.caregiverName}>{c.displayName}</th>
                    <td data-label={r.relation}>{r.relations[c.relation]}</td>
                    <td data-label={r.consent}>
                      <LinkStatus ctx={ctx} link={c} />
                      {props.may.manage ? (
                        <p>
                          <a href={`/patients/${patient.id}/caregivers/${c.id}`}>{r.consentLink(c.displayName)}</a>
                        </p>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="more-title">
        <h2 id="more-title">{r.more}</h2>
        <ul class="bullets">
          <li>
            <a href={`/patients/${patient.id}/access-log`}>{r.accessLog}</a>
          </li>
          <li>
            <a href={`/patients/${patient.id}/history`}>{r.history}</a>
          </li>
          {ctx.side === 'clinician' ? (
            <>
              <li>
                <a href={`/patients/${patient.id}/referrals`}>{t.referralPages.link}</a>
              </li>
              <li>
                <a href={`/patients/${patient.id}/therapy`}>{t.referralPages.therapyLink}</a>
              </li>
              <li>
                <a href={`/patients/${patient.id}/therapy/measurements`}>{t.measurements.title}</a>
              </li>
              <li>
                <a href={`/patients/${patient.id}/therapy/progress`}>{t.progress.recordLink}</a>
              </li>
            </>
          ) : null}
        </ul>
      </section>
      {props.may.manage ? (
        <>
          {patient.mergedInto ? (
            <section aria-labelledby="unmerge-title">
              <h2 id="unmerge-title">{r.unmergeButton}</h2>
              <p>{r.unmergeIntro}</p>
              <form method="post" action={`/patients/${patient.id}/unmerge`}>
                <Csrf token={props.csrf} />
                <p class="actions">
                  <button type="submit" class="secondary">
                    {r.unmergeButton}
                  </button>
                </p>
              </form>
            </section>
          ) : (
            <section aria-labelledby="merge-title">
              <h2 id="merge-title">{r.mergeTitle}</h2>
              {(props.duplicates ?? []).length === 0 ? (
                <p>{r.mergeNone}</p>
              ) : (
                <>
                  <p>{r.mergeIntro}</p>
                  <ul class="bullets">
                    {(props.duplicates ?? []).map((d) => (
                      <li key={d.id}>
                        <a href={`/patients/${patient.id}/merge?duplicateId=${d.id}`}>{r.mergeButton(fullName(d))}</a>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )}
          {/* The forms open where they are asked for; one sent back with errors opens at once. */}
          <details class="action" open={Object.keys(errors).length > 0}>
            <summary>{r.correctTitle}</summary>
            <p>{r.correctIntro}</p>
            <form method="post" action={`/patients/${patient.id}/correction`} novalidate>
              <Csrf token={props.csrf} />
              <PatientFields t={t} values={values} errors={errors} withBsn={'bsn' in patient} />
              <Radios
                t={t}
                name="reason"
                legend={r.reason}
                value={values.reason}
                error={errors.reason}
                options={[
                  { value: 'correction', label: r.reasons.correction },
                  { value: 'entered-in-error', label: r.reasons['entered-in-error'] },
                ]}
              />
              <TextArea t={t} name="note" label={r.note} hint={r.noteHint} value={values.note} optional maxLength={500} error={errors.note} />
              <p class="actions">
                <button type="submit">{r.correctSubmit}</button>
              </p>
            </form>
          </details>
          <details class="action">
            <summary>{r.accountTitle}</summary>
            <p>{r.accountIntro}</p>
            <AccountForm ctx={ctx} csrf={props.csrf} patientId={patient.id} values={{}} errors={{}} />
          </details>
        </>
      ) : null}
    </RecordFrame>
  );
}

/** The two records side by side, and the one button that merges them (after looking). */
export function MergeComparePage(props: { ctx: PageContext; csrf: string; keep: Patient; duplicate: Patient; refused?: boolean }) {
  const { ctx, keep, duplicate } = props;
  const t = ctx.t;
  const r = t.record;
  const f = t.patients.fields;
  const v = (p: Patient): [string, string][] => [
    [f.familyNamePrefix, p.familyNamePrefix ?? ''],
    [f.familyName, p.familyName],
    [f.givenName, p.givenName],
    [f.birthDate, calendarDate(ctx.lang, p.birthDate)],
    [f.sex, t.patients.sex[p.sex]],
    ...('bsn' in keep ? [[f.bsn, p.bsn ?? r.unknown] as [string, string]] : []),
    [f.phone, p.phone === null ? r.unknown : phoneForDisplay(p.phone)],
    [f.email, p.email ?? r.unknown],
    [f.gpPractice, p.gpPractice ?? r.unknown],
    [r.organisations, p.organisations.map((o) => o.name).join(', ') || r.noOrganisations],
  ];
  const a = v(keep);
  const b = v(duplicate);
  return (
    <Layout ctx={ctx} title={r.compareTitle}>
      <h1>{r.compareTitle}</h1>
      {props.refused ? (
        <div class="notice" role="alert">
          <p>{r.mergeRefused}</p>
        </div>
      ) : null}
      <p class="lead">{r.compareIntro}</p>
      <div class="table-scroll">
        <table class="stack">
          <thead>
            <tr>
              <th scope="col">{t.history.field}</th>
              <th scope="col">{r.compareThis}</th>
              <th scope="col">{r.compareDuplicate}</th>
            </tr>
          </thead>
          <tbody>
            {a.map(([label, value], i) => {
              const other = b[i]?.[1] ?? '';
              return (
                <tr key={label}>
                  <th scope="row" data-label={t.history.field}>{label}</th>
                  <td data-label={r.compareThis}>{value}</td>
                  <td data-label={r.compareDuplicate}>
                    {other}
                    {other !== value ? <strong>{` (${r.compareDiffers})`}</strong> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {props.refused ? null : (
        <form method="post" action={`/patients/${keep.id}/merge`}>
          <Csrf token={props.csrf} />
          <input type="hidden" name="duplicateId" value={duplicate.id} />
          <input type="hidden" name="confirm" value="yes" />
          <p class="actions">
            <button type="submit">{r.confirmButton}</button>
          </p>
        </form>
      )}
      <p>
        <a href={`/patients/${keep.id}`}>{r.cancel}</a>
      </p>
    </Layout>
  );
}

/** The account form on its own page: where it comes back to when something was not right. */
export function AccountFormPage(props: { ctx: PageContext; csrf: string; patient: Patient; values?: Record<string, string>; errors?: FieldErrors }) {
  const { ctx, patient } = props;
  const r = ctx.t.record;
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={errTitle(ctx, r.accountTitle, errors)}>
      <h1>{r.accountTitle}</h1>
      <ErrorSummary t={ctx.t} errors={errors} />
      <p class="lead">{fullName(patient)}</p>
      <p>{r.accountIntro}</p>
      <AccountForm ctx={ctx} csrf={props.csrf} patientId={patient.id} values={props.values ?? {}} errors={errors} />
      <p>
        <a href={`/patients/${patient.id}`}>{r.back}</a>
      </p>
    </Layout>
  );
}

export interface Letter {
  patientId: string;
  kind: 'patient' | 'caregiver';
  displayName: string;
  patientName: string;
  code: string;
  expiresAt: string;
  activateUrl: string;
}

function LetterBody({ lang, letter, phone }: { lang: 'nl' | 'en'; letter: Letter; phone: string }) {
  const b = messages(lang).letter.body;
  const expires = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam', dateStyle: 'long' }).format(new Date(letter.expiresAt));
  return (
    <div lang={lang} class="letter-part">
      <p>{b.dear(letter.displayName)}</p>
      <p>{letter.kind === 'patient' ? b.forSelf : b.forOther(letter.patientName)}</p>
      <h3>{b.howTitle}</h3>
      <ol class="bullets">
        {b.steps(letter.activateUrl).map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      <p>
        {b.codeLabel}: <strong class="code">{letter.code}</strong>
      </p>
      <p>{b.valid(expires)}</p>
      <p>{b.safe}</p>
      <p>{b.help(phone)}</p>
    </div>
  );
}

/** Shown once, straight after the account is made: the code is not stored in readable form. */
export function LetterPage({ ctx, letter }: { ctx: PageContext; letter: Letter }) {
  const t = ctx.t.letter;
  const other = ctx.lang === 'nl' ? 'en' : 'nl';
  return (
    <Layout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      <div class="notice screen-only" role="note">
        <p>{t.screenHint}</p>
        <p>
          <a href={`/patients/${letter.patientId}`}>{t.back}</a>
        </p>
      </div>
      <article class="letter" aria-labelledby="letter-to">
        <h2 id="letter-to">{letter.displayName}</h2>
        <LetterBody lang={ctx.lang} letter={letter} phone={ctx.helpPhone} />
        <hr />
        <LetterBody lang={other} letter={letter} phone={ctx.helpPhone} />
      </article>
    </Layout>
  );
}

/** "Opende het dossier (3 keer), zag de naam in een lijst met patiënten". */
function visitWords(t: Messages, v: Visit): string {
  const a = t.accessLog;
  const words = v.actions.map(({ action, count }) => ((a.actions as Record<string, string>)[action] ?? action) + a.times(count)).join(', ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function AccessLogPage({ ctx, patient, rows, backHref, older = null, newer = null }: {
  ctx: PageContext; patient: Patient; rows: readonly AccessLogView[]; backHref: string; older?: string | null; newer?: string | null;
}) {
  const t = ctx.t;
  const a = t.accessLog;
  // One line per person per visit: a page opened five times in a consultation is one look.
  const visits = groupVisits(rows);
  return (
    <Layout ctx={ctx} title={a.title}>
      <h1>{a.title}</h1>
      <p class="lead">{fullName(patient)}</p>
      <p>{a.intro}</p>
      {visits.length === 0 ? (
        <p>{a.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">{a.when}</th>
                <th scope="col">{a.who}</th>
                <th scope="col">{a.role}</th>
                <th scope="col">{a.organisation}</th>
                <th scope="col">{a.what}</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((v, i) => (
                <tr key={i}>
                  <th scope="row" data-label={a.when}>{timeSpan(ctx.lang, v.from, v.to, a.until)}</th>
                  <td data-label={a.who}>{v.who ?? ''}</td>
                  <td data-label={a.role}>{roleLabel(t, v.role)}</td>
                  <td data-label={a.organisation}>{v.organisation ?? ''}</td>
                  <td data-label={a.what}>{visitWords(t, v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PageLinks
        label={a.pages}
        links={[
          newer ? { href: `?cursor=${newer}`, text: a.newer, rel: 'prev' } : null,
          older ? { href: `?cursor=${older}`, text: a.older, rel: 'next' } : null,
        ]}
      />
      <p>
        <a href={backHref}>{t.record.back}</a>
      </p>
    </Layout>
  );
}

/** How the history names a field that is not one of the personal details. */
function fieldLabel(t: Messages, field: string): string {
  if ((PATIENT_FIELDS as readonly string[]).includes(field)) return t.patients.fields[field as PatientField];
  if (field === 'mergedInto') return t.history.mergedInto;
  if (field === 'mergedFrom') return t.history.mergedFrom;
  return field;
}

export function HistoryPage(props: { ctx: PageContext; patient: Patient; revisions: readonly RevisionView[]; backHref: string }) {
  const { ctx } = props;
  const t = ctx.t;
  const h = t.history;
  const show = (field: string, v: string | null): string => {
    if (v === null) return h.empty;
    if (field === 'sex' && (v === 'female' || v === 'male')) return t.patients.sex[v];
    if (field === 'birthDate') return calendarDate(ctx.lang, v);
    if (field === 'phone') return phoneForDisplay(v);
    return v;
  };
  return (
    <RecordFrame ctx={ctx} patient={props.patient} section="history" heading={h.title}>
      {/* The clinical record's own corrections are a page of the record (a read of its own). */}
      {ctx.side === 'clinician' ? (
        <p>
          <a href={`/patients/${props.patient.id}/history/record`}>{ctx.t.clinical.history.title}</a>
        </p>
      ) : null}
      <p>{h.intro}</p>
      {props.revisions.length === 0 ? <p>{h.none}</p> : null}
      {props.revisions.map((rev) => {
        const headingId = `rev-${rev.id}`;
        return (
          <section key={rev.id} aria-labelledby={headingId}>
            <h2 id={headingId}>{dateTime(ctx.lang, rev.changedAt)}</h2>
            <dl class="details">
              <div>
                <dt>{h.who}</dt>
                <dd>{rev.changedBy ?? t.record.unknown}</dd>
              </div>
              <div>
                <dt>{h.reason}</dt>
                <dd>{h.reasons[rev.reason]}</dd>
              </div>
              {rev.note ? (
                <div>
                  <dt>{h.note}</dt>
                  <dd>{rev.note}</dd>
                </div>
              ) : null}
            </dl>
            <div class="table-scroll">
              <table class="stack">
                <thead>
                  <tr>
                    <th scope="col">{h.field}</th>
                    <th scope="col">{h.before}</th>
                    <th scope="col">{h.after}</th>
                  </tr>
                </thead>
                <tbody>
                  {rev.changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row" data-label={h.field}>{fieldLabel(t, c.field)}</th>
                      <td data-label={h.before}>{show(c.field, c.before)}</td>
                      <td data-label={h.after}>{show(c.field, c.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <p>
        <a href={props.backHref}>{t.record.back}</a>
      </p>
    </RecordFrame>
  );
}

/**
 * Where a caregiver's link stands, in words about who agreed to what: never a bare "no" beside a
 * parent's name when the law asks no consent of a young child.
 */
export function LinkStatus({ ctx, link }: { ctx: PageContext; link: CaregiverView }) {
  const w = ctx.t.record.linkStatus;
  const main =
    link.basis === 'consent' && link.consent
      ? w.consent(link.consent.givenBy, dateTime(ctx.lang, link.consent.givenAt), link.consent.givenAs === 'representative')
      : link.basis === 'representation'
        ? w.representation(link.representationProof ?? '')
        : link.basis !== null
          ? w[link.basis]
          : w[link.gap ?? 'link-ended'];
  const wd = link.withdrawal;
  return (
    <>
      <p>{main}</p>
      {wd ? <p>{wd.by === 'patient' ? w.withdrawnByPatient(dateTime(ctx.lang, wd.at)) : w.withdrawnByClinic(dateTime(ctx.lang, wd.at), wd.reason ?? '')}</p> : null}
    </>
  );
}

export type ConsentNotice = 'recorded' | 'withdrawn';

/** The clinic's page for one caregiver's link: where it stands, record consent, end access. */
export function ConsentPage(props: {
  ctx: PageContext;
  csrf: string;
  patientId: string;
  patientName: string;
  link: CaregiverView;
  notice?: ConsentNotice | undefined;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { ctx, link } = props;
  const t = ctx.t;
  const r = t.record;
  const errors = props.errors ?? {};
  const v = props.values ?? {};
  const base = `/patients/${props.patientId}/caregivers/${link.id}`;
  return (
    <Layout ctx={ctx} title={errTitle(ctx, r.consentTitle(link.displayName), errors)}>
      <h1>{r.consentTitle(link.displayName)}</h1>
      <ErrorSummary t={t} errors={errors} />
      {props.notice ? <Notice ok>{props.notice === 'recorded' ? r.consentRecorded : r.consentWithdrawn}</Notice> : null}
      <p class="lead">{r.consentIntro(props.patientName)}</p>
      <section aria-labelledby="consent-now">
        <h2 id="consent-now">{r.consentNow}</h2>
        <p>{`${link.displayName}: ${r.relations[link.relation]}`}</p>
        <LinkStatus ctx={ctx} link={link} />
      </section>
      <section aria-labelledby="consent-record">
        <h2 id="consent-record">{r.consentRecordTitle}</h2>
        <p>{r.consentRecordIntro}</p>
        <form method="post" action={`${base}/consent`} novalidate>
          <Csrf token={props.csrf} />
          <Field t={t} name="givenBy" label={r.consentGivenBy} hint={r.consentGivenByHint} value={v.givenBy} autocomplete="off" optional error={errors.givenBy} />
          <p class="actions">
            <button type="submit">{r.consentRecordSubmit}</button>
          </p>
        </form>
      </section>
      {link.withdrawal ? null : (
        <section aria-labelledby="consent-withdraw">
          <h2 id="consent-withdraw">{r.consentWithdrawTitle}</h2>
          <p>{r.consentWithdrawIntro}</p>
          <form method="post" action={`${base}/withdraw`} novalidate>
            <Csrf token={props.csrf} />
            <TextArea t={t} name="reason" label={r.consentWithdrawReason} value={v.reason} error={errors.reason} />
            <p class="actions">
              <button type="submit" class="secondary">{r.consentWithdrawSubmit}</button>
            </p>
          </form>
        </section>
      )}
      <p>
        <a href={`/patients/${props.patientId}`}>{r.backToRecord}</a>
      </p>
    </Layout>
  );
}
