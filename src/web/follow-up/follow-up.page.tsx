// Follow-up as the clinician reads it on the record's contacts page: the core's schedule of
// check-ups and the FLS time targets with their status, the contacts recorded with what was asked,
// and the form to record one. And the record's letters: those kept, each to print again, and the
// two this slice writes (the GP hand-over, the dentist's card), each saying why when it cannot be.
import { Chip, DataTable, EmptyState } from '../components/Record.js';
import { Csrf, Field, Notice, Radios, Select, TextArea, type FieldErrors } from '../components/Form.js';
import type { Messages } from '../i18n/index.js';
import { numericDate, numericDateTime } from '../time-format.js';
import type { FollowUpView, LetterView } from '../../api/facade.js';
import { CONTACT_KINDS, FRACTURE_SITES } from '../../core/case.schema.js';
import { ADHERENCE, FRACTURE_SIDES } from '../../core/record/lists.js';
import { SectionPage, type SectionProps } from '../record/record.page.js';
import type { Values } from './follow-up.forms.js';
import { RecordMeasurement } from '../measure-due/measure-due.section.js';

type Item = FollowUpView['schedule'][number];
type Fls = NonNullable<FollowUpView['fls']>['items'][number];
type Contact = FollowUpView['contacts'][number];

const tone = (s: Item['status']) => (s === 'overdue' ? 'error' : s === 'due' ? 'warn' : s === 'done' ? 'ok' : 'plain');
const flsTone = (s: Fls['status']) => (s === 'not-met' ? 'error' : s === 'met' ? 'ok' : 'plain');

export function FollowUpSection(p: { t: Messages; patientId: string; view: FollowUpView; csrf: string; mayWrite: boolean; values?: Values | undefined; errors?: FieldErrors | undefined }) {
  const { t, view } = p;
  const f = t.followUp;
  return (
    <>
      {view.specialist.includes('fracture-on-treatment') ? <p class="notice" role="note"><Chip tone="warn">{f.specialist}</Chip></p> : null}
      {view.handover?.eligible === true ? <p class="notice" role="note"><a href={`/patients/${p.patientId}/letters`}>{f.handoverReady}</a></p> : null}
      <h2>{f.scheduleTitle}</h2>
      {view.treatmentStart === null ? (
        <EmptyState>{f.noTreatment}</EmptyState>
      ) : (
        <>
          <p>{f.scheduleIntro(numericDate(view.treatmentStart))}</p>
          <DataTable
            caption={f.scheduleCaption}
            rows={view.schedule}
            rowKey={(i) => `${i.kind}-${i.due}`}
            columns={[
              { label: f.what, cell: (i) => f.kinds[i.kind] },
              { label: f.due, cell: (i) => numericDate(i.due), numeric: true },
              { label: f.status, cell: (i) => <Chip tone={tone(i.status)}>{f.statuses[i.status]}</Chip> },
            ]}
          />
        </>
      )}
      {view.fls ? (
        <>
          <h2>{f.flsTitle}</h2>
          <p>{f.flsIntro(numericDate(view.fls.indexFracture))}</p>
          <DataTable
            caption={f.flsCaption}
            rows={view.fls.items}
            rowKey={(i) => i.kpi}
            columns={[
              { label: f.kpi, cell: (i) => f.kpis[i.kpi] ?? i.kpi },
              { label: f.byDate, cell: (i) => numericDate(i.by), numeric: true },
              { label: f.status, cell: (i) => <Chip tone={flsTone(i.status)}>{`${f.flsStatuses[i.status]}${i.on ? ` (${numericDate(i.on)})` : ''}`}</Chip> },
            ]}
          />
        </>
      ) : null}
      {view.measurement !== null ? <RecordMeasurement t={t} next={view.measurement} /> : null}
      <h2>{f.contactsTitle}</h2>
      {p.mayWrite ? <ContactForm {...p} /> : null}
      {view.contacts.length === 0 ? (
        <EmptyState>{f.none}</EmptyState>
      ) : (
        <DataTable
          caption={f.contactsCaption}
          rows={view.contacts}
          rowKey={(c) => c.id}
          columns={[
            { label: f.date, cell: (c: Contact) => numericDate(c.date), numeric: true },
            { label: f.kind, cell: (c: Contact) => f.kinds[c.kind] },
            { label: f.adherence, cell: (c: Contact) => (c.adherence ? f.adherences[c.adherence] : f.notAsked) },
            { label: f.sideEffects, cell: (c: Contact) => c.sideEffects ?? f.notAsked },
            { label: f.newFractures, cell: (c: Contact) => String(c.newFractures), numeric: true },
            { label: f.falls, cell: (c: Contact) => (c.fallsSince === null ? f.notAsked : String(c.fallsSince)), numeric: true },
            { label: f.note, cell: (c: Contact) => <span class="note-text">{c.note ?? ''}</span> },
            { label: f.by, cell: (c: Contact) => `${c.recordedBy ?? t.clinical.someone}, ${numericDateTime(c.recordedAt)}` },
          ]}
        />
      )}
    </>
  );
}

function ContactForm(p: { t: Messages; patientId: string; csrf: string; values?: Values | undefined; errors?: FieldErrors | undefined }) {
  const { t } = p;
  const f = t.followUp.form;
  const v = p.values ?? {};
  const e = p.errors ?? {};
  const sent = p.errors !== undefined && Object.keys(p.errors).length > 0;
  return (
    <details class="action" open={sent}>
      <summary>{f.title}</summary>
      <p>{f.intro}</p>
      <form method="post" action={`/patients/${p.patientId}/contacts`} novalidate>
        <Csrf token={p.csrf} />
        <Field t={t} name="date" label={f.date} hint={t.form.dateHint} value={v.date} inputMode="numeric" autocomplete="off" spellcheck={false} error={e.date} />
        <Radios t={t} name="kind" legend={f.kind} options={CONTACT_KINDS.map((k) => ({ value: k, label: t.followUp.kinds[k] }))} value={v.kind} error={e.kind} />
        <Select t={t} name="adherence" label={f.adherence} optional options={ADHERENCE.map((a) => ({ value: a, label: t.followUp.adherences[a] }))} value={v.adherence} error={e.adherence} blank={t.form.chooseOption} />
        <TextArea t={t} name="sideEffects" label={f.sideEffects} optional value={v.sideEffects} error={e.sideEffects} maxLength={2000} />
        <Field t={t} name="fallsSince" label={f.falls} optional value={v.fallsSince} inputMode="numeric" autocomplete="off" error={e.fallsSince} />
        <fieldset>
          <legend>{f.fractureTitle}</legend>
          <p class="hint">{f.fractureHint}</p>
          <Field t={t} name="fractureDate" label={f.fractureDate} optional hint={t.form.dateHint} value={v.fractureDate} inputMode="numeric" autocomplete="off" spellcheck={false} error={e.fractureDate} />
          <Select t={t} name="fractureSite" label={f.fractureSite} optional options={FRACTURE_SITES.map((s) => ({ value: s, label: t.clinical.sites[s] }))} value={v.fractureSite} error={e.fractureSite} blank={t.form.chooseOption} />
          <Select t={t} name="fractureSide" label={f.fractureSide} optional options={FRACTURE_SIDES.map((s) => ({ value: s, label: t.clinical.sides[s] }))} value={v.fractureSide} error={e.fractureSide} blank={t.form.chooseOption} />
        </fieldset>
        <TextArea t={t} name="note" label={f.note} optional value={v.note} error={e.note} maxLength={4000} />
        <button type="submit">{f.save}</button>
      </form>
    </details>
  );
}

export interface LetterChoices {
  handover: { eligible: boolean; reasons: string[] } | null;
  cardPossible: boolean;
}

export function LettersPage(p: SectionProps & { letters: LetterView[]; choices: LetterChoices; written?: boolean; refused?: string | undefined }) {
  const t = p.ctx.t;
  const l = t.letters;
  const id = p.patient.id;
  const reasons = (rs: readonly string[]) => rs.map((r) => l.reasons[r] ?? r).join('; ');
  const h = p.choices.handover;
  return (
    <SectionPage p={p} section="letters" notice={p.written ? <Notice ok>{l.writtenNotice}</Notice> : p.refused ? <Notice>{`${l.refused} ${p.refused}`}</Notice> : null}>
      <p>{l.intro}</p>
      {p.letters.length === 0 ? (
        <EmptyState>{l.none}</EmptyState>
      ) : (
        <DataTable
          caption={l.caption}
          rows={p.letters}
          rowKey={(x) => x.id}
          columns={[
            { label: l.what, cell: (x) => l.kinds[x.kind] },
            { label: l.lang, cell: (x) => l.langs[x.lang] },
            { label: l.written, cell: (x) => `${numericDateTime(x.writtenAt)}, ${x.writtenBy ?? t.clinical.someone}` },
            {
              label: l.print,
              cell: (x) => x.kind === 'agreements' ? '' : (
                <a href={`/patients/${id}/letters/${x.id}/pdf`} class="keep">
                  {l.print}
                  <span class="visually-hidden">{`: ${l.printName(l.kinds[x.kind], numericDate(x.writtenAt.slice(0, 10)))}`}</span>
                </a>
              ),
            },
          ]}
        />
      )}
      {p.view.may.write ? (
        <>
          <h2>{l.writeTitle}</h2>
          <h3>{l.handoverTitle}</h3>
          <p>{l.handoverIntro}</p>
          {h?.eligible === true ? (
            <form method="post" action={`/patients/${id}/letters`} novalidate>
              <Csrf token={p.csrf} />
              <input type="hidden" name="kind" value="gp-handover" />
              <button type="submit">{l.handoverButton}</button>
            </form>
          ) : (
            <p class="notice" role="note">{l.handoverNotYet(reasons(h?.reasons ?? ['no-current-medication']))}</p>
          )}
          <h3>{l.cardTitle}</h3>
          <p>{l.cardIntro}</p>
          {p.choices.cardPossible ? (
            <form method="post" action={`/patients/${id}/letters`} novalidate>
              <Csrf token={p.csrf} />
              <input type="hidden" name="kind" value="dentist-card" />
              <Radios t={t} name="lang" legend={l.cardLang} options={(['nl', 'en'] as const).map((x) => ({ value: x, label: l.langs[x] }))} value="nl" />
              <button type="submit">{l.cardButton}</button>
            </form>
          ) : (
            <p class="notice" role="note">{l.cardNotYet}</p>
          )}
        </>
      ) : null}
    </SectionPage>
  );
}
