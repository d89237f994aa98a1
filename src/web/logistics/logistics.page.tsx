// The pathway's logistics as clinicians see them: on the record, the appointments with their parts
// and the invitation log (with the letter and the form to plan), and the notes, calls and tasks;
// beside the record, the day board of who comes on a day and which results are still missing.
// Plain forms and links: nothing here needs JavaScript.
import type { BoardRow, CommunicationView, InvitationView, VisitView } from '../../api/facade.js';
import type { Patient } from '../../schema/patient.schema.js';
import { VISIT_PARTS, type VisitPart } from '../../core/worklist/lists.js';
import { fullName } from '../../core/names.js';
import { todayNl } from '../../schema/clock.js';
import { Layout, type PageContext } from '../components/Layout.js';
import { Chip, DataTable, EmptyState, RecordFrame } from '../components/Record.js';
import { Csrf, ErrorSummary, Field, Notice, Radios, Select, TextArea, type FieldErrors } from '../components/Form.js';
import { numericDate, numericDateTime } from '../time-format.js';
import { typedFromIso } from '../forms.js';
import { placeField, timeField, type Values } from './logistics.forms.js';

export type LogisticsNotice = 'planned' | 'updated' | 'added';

const titleOf = (ctx: PageContext, heading: string, patient: Patient, errors: FieldErrors) => {
  const base = ctx.t.clinical.sectionTitle(heading, fullName(patient));
  return Object.keys(errors).length > 0 ? `${ctx.t.form.titlePrefix}: ${base}` : base;
};

const STATUS_TONE = { planned: 'plain', attended: 'ok', 'did-not-attend': 'error', cancelled: 'plain' } as const;

function Parts({ ctx, v }: { ctx: PageContext; v: VisitView }) {
  const l = ctx.t.logistics.visits;
  return (
    <ul class="plain-list">
      {v.parts.map((p) => (
        <li key={p.part}>
          <span class="num">{p.time}</span> {l.partNames[p.part]}, {p.place} <Chip tone={p.done ? 'ok' : 'plain'}>{p.done ? l.done : l.notDone}</Chip>
        </li>
      ))}
    </ul>
  );
}

/** What can be done with a visit now: attendance on or after its day, a part done on the day. */
function VisitActions({ ctx, patientId, v, csrf }: { ctx: PageContext; patientId: string; v: VisitView; csrf: string }) {
  const l = ctx.t.logistics.visits;
  const today = todayNl();
  const base = `/patients/${patientId}/visits/${v.id}`;
  const canAttend = v.status === 'planned' && v.date <= today;
  const openParts = v.status === 'planned' || v.status === 'attended' ? v.parts.filter((p) => !p.done && v.date <= today) : [];
  if (!canAttend && openParts.length === 0 && v.status !== 'planned') return <>{ctx.t.logistics.board.notPlanned}</>;
  return (
    <div class="row-actions">
      {v.status === 'planned' ? (
        <form method="post" action={`${base}/status`}>
          <Csrf token={csrf} />
          {canAttend ? (
            <>
              <button type="submit" name="status" value="attended">{l.markAttended}</button>{' '}
              <button type="submit" name="status" value="did-not-attend" class="secondary">{l.markDidNotAttend}</button>{' '}
            </>
          ) : null}
          <button type="submit" name="status" value="cancelled" class="secondary">{l.markCancelled}</button>
        </form>
      ) : null}
      {openParts.length > 0 ? (
        <form method="post" action={`${base}/done`}>
          <Csrf token={csrf} />
          {openParts.map((p) => (
            <span key={p.part}>
              <button type="submit" name="part" value={p.part} class="secondary">{l.markDone(l.partNames[p.part])}</button>{' '}
            </span>
          ))}
        </form>
      ) : null}
    </div>
  );
}

export interface VisitsPageProps {
  ctx: PageContext;
  patient: Patient;
  visits: VisitView[];
  invitations: InvitationView[];
  csrf: string;
  values?: Values | undefined;
  errors?: FieldErrors | undefined;
  notice?: LogisticsNotice | undefined;
}

export function VisitsPage(p: VisitsPageProps) {
  const { ctx, patient } = p;
  const t = ctx.t;
  const l = t.logistics;
  const heading = t.clinical.sections.visits;
  const errors = p.errors ?? {};
  const v = p.values ?? {};
  return (
    <RecordFrame ctx={ctx} patient={patient} section="visits" heading={heading} title={titleOf(ctx, heading, patient, errors)}>
      <ErrorSummary t={t} errors={errors} />
      {p.notice === 'planned' ? <Notice ok>{l.visits.planned}</Notice> : p.notice === 'updated' ? <Notice ok>{l.visits.updated}</Notice> : null}
      <p>{l.visits.intro}</p>
      <h2>{l.visits.caption}</h2>
      {p.visits.length === 0 ? (
        <EmptyState>{l.visits.none}</EmptyState>
      ) : (
        <DataTable
          caption={l.visits.caption}
          captionHidden
          rows={p.visits}
          rowKey={(x) => x.id}
          columns={[
            { label: l.visits.date, cell: (x) => numericDate(x.date), numeric: true },
            { label: l.visits.kind, cell: (x) => l.visits.kinds[x.kind] },
            { label: l.visits.status, cell: (x) => <Chip tone={STATUS_TONE[x.status]}>{l.visits.statuses[x.status]}</Chip> },
            { label: l.visits.parts, cell: (x) => <Parts ctx={ctx} v={x} /> },
            { label: l.visits.reportTo, cell: (x) => x.reportTo ?? l.board.notPlanned },
            { label: l.visits.actions, cell: (x) => <VisitActions ctx={ctx} patientId={patient.id} v={x} csrf={p.csrf} /> },
          ]}
        />
      )}

      <h2>{l.invitations.title}</h2>
      {p.invitations.length === 0 ? (
        <EmptyState>{l.invitations.none}</EmptyState>
      ) : (
        <DataTable
          caption={l.invitations.caption}
          captionHidden
          rows={p.invitations}
          rowKey={(x) => x.id}
          columns={[
            { label: l.invitations.date, cell: (x) => numericDate(x.date), numeric: true },
            { label: l.invitations.event, cell: (x) => l.invitations.events[x.event] },
            { label: l.invitations.by, cell: (x) => x.recordedBy ?? t.clinical.someone },
            { label: l.invitations.note, cell: (x) => (x.language ? l.invitations.language(l.invitations.languages[x.language]) : x.note ?? l.board.notPlanned) },
          ]}
        />
      )}
      <form method="post" action={`/patients/${patient.id}/visits/letter`} class="inline-form">
        <Csrf token={p.csrf} />
        <p class="hint" id="letter-hint">{l.invitations.letterHint}</p>
        <p>{l.invitations.language(l.invitations.languages[patient.language])}</p>
        <p class="actions">
          <button type="submit" aria-describedby="letter-hint">{l.invitations.letter}</button>
        </p>
      </form>
      <form method="post" action={`/patients/${patient.id}/visits/declined`} class="inline-form">
        <Csrf token={p.csrf} />
        <p class="actions">
          <button type="submit" class="secondary">{l.invitations.recordDeclined}</button>
        </p>
      </form>

      <h2 id="plan">{l.plan.title}</h2>
      <form method="post" action={`/patients/${patient.id}/visits`} novalidate aria-labelledby="plan">
        <Csrf token={p.csrf} />
        <Radios
          t={t}
          name="kind"
          legend={l.plan.kind}
          hint={l.plan.eveningHint}
          value={v.kind ?? 'diagnostic-day'}
          error={errors.kind}
          options={[{ value: 'diagnostic-day', label: l.visits.kinds['diagnostic-day'] }, { value: 'evening-clinic', label: l.visits.kinds['evening-clinic'] }]}
        />
        <Field t={t} name="date" label={l.plan.date} hint={l.plan.dateHint} value={v.date ?? typedFromIso(todayNl())} autocomplete="off" inputMode="numeric" error={errors.date} />
        <p class="hint">{l.plan.partsHint}</p>
        {VISIT_PARTS.map((part: VisitPart) => (
          <fieldset key={part}>
            <legend>{l.visits.partNames[part]}</legend>
            <Field t={t} name={timeField(part)} label={l.plan.time(l.visits.partNames[part])} value={v[timeField(part)]} autocomplete="off" optional error={errors[timeField(part)]} maxLength={5} />
            <Field t={t} name={placeField(part)} label={l.plan.place(l.visits.partNames[part])} value={v[placeField(part)]} autocomplete="off" optional error={errors[placeField(part)]} maxLength={200} />
          </fieldset>
        ))}
        <Field t={t} name="reportTo" label={l.plan.reportTo} value={v.reportTo} autocomplete="off" optional error={errors.reportTo} maxLength={200} />
        <TextArea t={t} name="note" label={l.plan.note} value={v.note} optional error={errors.note} maxLength={2000} />
        <p class="actions">
          <button type="submit">{l.plan.save}</button>
        </p>
      </form>
    </RecordFrame>
  );
}

export interface NotesPageProps {
  ctx: PageContext;
  patient: Patient;
  items: CommunicationView[];
  assignees: { id: string; name: string }[];
  csrf: string;
  values?: Values | undefined;
  errors?: FieldErrors | undefined;
  notice?: LogisticsNotice | undefined;
}

export function NotesPage(p: NotesPageProps) {
  const { ctx, patient } = p;
  const t = ctx.t;
  const n = t.logistics.notes;
  const heading = t.clinical.sections.notes;
  const errors = p.errors ?? {};
  const v = p.values ?? {};
  const none = n.nobodyGiven;
  return (
    <RecordFrame ctx={ctx} patient={patient} section="notes" heading={heading} title={titleOf(ctx, heading, patient, errors)}>
      <ErrorSummary t={t} errors={errors} />
      {p.notice === 'added' ? <Notice ok>{n.added}</Notice> : null}
      <p>{n.intro}</p>
      {p.items.length === 0 ? (
        <EmptyState>{n.none}</EmptyState>
      ) : (
        <DataTable
          caption={n.caption}
          rows={p.items}
          rowKey={(x) => x.id}
          columns={[
            { label: n.when, cell: (x) => numericDateTime(x.createdAt), numeric: true },
            { label: n.kind, cell: (x) => n.kinds[x.kind] },
            { label: n.body, cell: (x) => <span class="note-text">{x.body}</span> },
            { label: n.with, cell: (x) => x.contactWith ?? none },
            { label: n.due, cell: (x) => (x.due ? numericDate(x.due) : none), numeric: true },
            { label: n.assignee, cell: (x) => x.assigneeName ?? none },
            { label: n.by, cell: (x) => x.createdBy ?? t.clinical.someone },
          ]}
        />
      )}
      <h2 id="add-note">{n.add}</h2>
      <form method="post" action={`/patients/${patient.id}/notes`} novalidate aria-labelledby="add-note">
        <Csrf token={p.csrf} />
        <Radios
          t={t}
          name="kind"
          legend={n.formKind}
          value={v.kind ?? 'note'}
          error={errors.kind}
          options={(['note', 'phone-call', 'task'] as const).map((k) => ({ value: k, label: n.kinds[k] }))}
        />
        <TextArea t={t} name="body" label={n.formBody} value={v.body} error={errors.body} maxLength={4000} />
        <Field t={t} name="contactWith" label={n.formWith} value={v.contactWith} autocomplete="off" optional={n.formWithOptional} error={errors.contactWith} maxLength={200} />
        <Field t={t} name="due" label={n.formDue} value={v.due} autocomplete="off" inputMode="numeric" optional={n.formDueOptional} error={errors.due} />
        <Select
          t={t}
          name="assignee"
          label={n.formAssignee}
          optional={n.formAssigneeOptional}
          blank={n.nobody}
          value={v.assignee}
          error={errors.assignee}
          options={p.assignees.map((a) => ({ value: a.id, label: a.name }))}
        />
        <p class="actions">
          <button type="submit">{n.save}</button>
        </p>
      </form>
    </RecordFrame>
  );
}

export interface DayBoardPageProps {
  ctx: PageContext;
  date: string;
  typed: string;
  rows: BoardRow[];
  error?: string | undefined;
}

/** One part of a patient's day on the board: when and where, and whether its result is in (a word and a shape). */
function BoardCell({ ctx, row, part }: { ctx: PageContext; row: BoardRow; part: VisitPart }) {
  const b = ctx.t.logistics.board;
  const names = ctx.t.logistics.visits.partNames;
  const p = row.parts.find((x) => x.part === part);
  if (!p) return <>{b.notPlanned}</>;
  const isConsult = part === 'consultation';
  return (
    <>
      <span class="num">{p.time}</span> {p.place}{' '}
      <Chip tone={p.resultIn ? 'ok' : 'warn'}>{isConsult ? (p.resultIn ? b.consultationDone : b.consultationOpen) : p.resultIn ? b.resultIn : b.resultMissing}</Chip>
      {!p.resultIn && !isConsult ? (
        <>
          {' '}
          <a href={`/patients/${row.patientId}/results`}>
            {b.enter}
            <span class="visually-hidden">{`: ${names[part]}, ${row.name}`}</span>
          </a>
        </>
      ) : null}
    </>
  );
}

export function DayBoardPage(p: DayBoardPageProps) {
  const { ctx } = p;
  const t = ctx.t;
  const b = t.logistics.board;
  const names = t.logistics.visits.partNames;
  const errors: FieldErrors = p.error ? { date: p.error } : {};
  return (
    <Layout ctx={ctx} title={p.error ? `${t.form.titlePrefix}: ${b.title}` : b.title}>
      <h1>{b.title}</h1>
      <ErrorSummary t={t} errors={errors} />
      <p>{b.intro}</p>
      <form method="get" action="/dayboard" class="inline-form">
        <Field t={t} name="date" label={b.dateLabel} value={p.typed} autocomplete="off" inputMode="numeric" error={p.error} />
        <p class="actions">
          <button type="submit">{b.show}</button>
        </p>
      </form>
      {p.rows.length === 0 ? (
        <EmptyState>{b.none}</EmptyState>
      ) : (
        <DataTable
          caption={b.caption(numericDate(p.date))}
          rows={p.rows}
          rowKey={(r) => r.visitId}
          columns={[
            { label: b.patient, cell: (r) => <a href={`/patients/${r.patientId}/visits`}>{r.name}</a> },
            { label: b.born, cell: (r) => numericDate(r.birthDate), numeric: true },
            { label: b.kind, cell: (r) => `${t.logistics.visits.kinds[r.kind]} (${t.logistics.visits.statuses[r.status]})` },
            ...VISIT_PARTS.map((part) => ({ label: names[part], cell: (r: BoardRow) => <BoardCell ctx={ctx} row={r} part={part} /> })),
            {
              label: b.missing,
              cell: (r: BoardRow) => (r.missing.length === 0 ? <Chip tone="ok">{b.nothingMissing}</Chip> : r.missing.map((m) => names[m]).join(', ')),
            },
          ]}
        />
      )}
    </Layout>
  );
}
