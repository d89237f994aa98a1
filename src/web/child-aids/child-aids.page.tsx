// A child's aids (clinician side: the list with each aid's last check and next check, a form to add
// one, a form to record a check of the chosen aid) and fracture signals (clinician side: the list
// with what followed, a form to note one, the physician's form for what followed; parent side: one
// short form with a body picture beside the list of body parts). No script: every choice is a radio
// button or a check box, so the keyboard does it all.
import type { AidsOf, AidView, SignalsOf, SignalView } from '../../api/facade.js';
import { BODY_PARTS, SIGNAL_OBSERVATIONS, type BodyPart } from '../../core/children/aids-signals.js';
import { num } from '../../core/text.js';
import { Layout, type PageContext } from '../components/Layout.js';
import { Csrf, ErrorSummary, Field, Notice, Radios, TextArea, type FieldErrors } from '../components/Form.js';
import { Chip, DataTable, EmptyState, RecordFrame } from '../components/Record.js';
import type { Messages } from '../i18n/index.js';
import { numericDate, numericDateTime } from '../time-format.js';

const titleOf = (t: Messages, heading: string, errors: FieldErrors) => (Object.keys(errors).length > 0 ? `${t.form.titlePrefix}: ${heading}` : undefined);

function Back({ t, patientId }: { t: Messages; patientId: string }) {
  return (
    <ul class="bullets">
      <li><a href={`/patients/${patientId}/child`}>{t.childAids.back}</a></li>
    </ul>
  );
}

function dueCell(t: Messages, a: AidView) {
  if (a.due === null) return <Chip tone="error">{t.childAids.dueNow}</Chip>;
  if (a.isDue) return <Chip tone="error">{a.dueReason === 'growth' ? t.childAids.dueGrowth : `${t.childAids.dueNow} (${numericDate(a.due)})`}</Chip>;
  return <span class="num">{numericDate(a.due)}</span>;
}

export interface AidsPageProps {
  ctx: PageContext;
  view: AidsOf;
  csrf: string;
  /** The aid whose check form is shown. */
  chosen: string | undefined;
  form?: 'add' | 'check';
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: 'added' | 'checked';
}

export function AidsPage(p: AidsPageProps) {
  const { ctx, view } = p;
  const t = ctx.t;
  const a = t.childAids;
  const errors = p.errors ?? {};
  const v = p.values ?? {};
  const base = `/patients/${view.patient.id}/child/aids`;
  const chosen = view.items.find((i) => i.id === p.chosen) ?? view.items.find((i) => i.isDue) ?? view.items[0];
  const addErrors = p.form === 'add' ? errors : {};
  const checkErrors = p.form === 'check' ? errors : {};
  const name = (x: AidView) => (x.description ? `${a.kinds[x.kind]} (${x.description})` : a.kinds[x.kind]);
  return (
    <RecordFrame ctx={ctx} patient={view.patient} section="overview" heading={a.title} title={titleOf(t, a.title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      {p.notice ? <Notice ok>{a[p.notice]}</Notice> : null}
      <p>{a.intro}</p>
      <p>{view.heightCm === null ? a.heightUnknown : a.heightNow(num(view.heightCm, ctx.lang, 1))}</p>
      {view.lastAidsCheck ? <p>{a.oldest(numericDate(view.lastAidsCheck))}</p> : null}
      {view.items.length === 0 ? (
        <EmptyState>{a.none}</EmptyState>
      ) : (
        <DataTable
          caption={a.caption}
          rows={view.items}
          rowKey={(x) => x.id}
          columns={[
            { label: a.kind, cell: (x) => name(x) },
            { label: a.lastCheck, cell: (x) => (x.lastCheck ? <span class="num">{numericDate(x.lastCheck)}</span> : '–') },
            { label: a.due, cell: (x) => dueCell(t, x) },
            {
              label: a.checks,
              cell: (x) => (
                <>
                  {x.checks.slice(0, 3).map((c) => <div key={c.entryId}>{a.checkLine(numericDate(c.date), c.adjusted ?? a.nothingNoted, c.by ?? '–')}</div>)}
                  <a href={`${base}?aid=${x.id}#check`}>{a.checkTitle(name(x))}</a>
                </>
              ),
            },
          ]}
        />
      )}
      {chosen ? (
        <section aria-labelledby="check">
          <h2 id="check">{a.checkTitle(name(chosen))}</h2>
          <form method="post" action={`${base}/${chosen.id}/checks`} novalidate>
            <Csrf token={p.csrf} />
            <Field t={t} name="date" label={a.checkDate} hint={t.diary.dateHint} value={p.form === 'check' ? v.date : undefined} error={checkErrors.date} inputMode="numeric" autocomplete="off" />
            <TextArea t={t} name="adjusted" label={a.adjusted} hint={a.adjustedHint} value={p.form === 'check' ? v.adjusted : undefined} error={checkErrors.adjusted} maxLength={500} />
            <Field t={t} name="heightCm" label={a.heightCm} hint={a.heightHint} value={p.form === 'check' ? v.heightCm : undefined} error={checkErrors.heightCm} inputMode="decimal" autocomplete="off" />
            <p class="actions"><button type="submit">{a.saveCheck}</button></p>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="add-aid">
        <h2 id="add-aid">{a.addTitle}</h2>
        <form method="post" action={base} novalidate>
          <Csrf token={p.csrf} />
          <Radios t={t} name="kind" legend={a.kind} options={Object.entries(a.kinds).map(([value, label]) => ({ value, label }))} value={p.form === 'add' ? v.kind : undefined} error={addErrors.kind} />
          <Field t={t} name="description" label={a.description} value={p.form === 'add' ? v.description : undefined} error={addErrors.description} optional maxLength={200} autocomplete="off" />
          <Field t={t} name="lastCheck" label={a.lastCheck} hint={a.lastCheckHint} value={p.form === 'add' ? v.lastCheck : undefined} error={addErrors.lastCheck} inputMode="numeric" autocomplete="off" />
          <Field t={t} name="heightCm" label={a.heightCm} hint={a.heightHint} value={p.form === 'add' ? v.heightCm : undefined} error={addErrors.heightCm} inputMode="decimal" autocomplete="off" />
          <p class="actions"><button type="submit">{a.add}</button></p>
        </form>
      </section>
      <p><a href={`/patients/${view.patient.id}/child/signals`}>{a.signals}</a></p>
      <Back t={t} patientId={view.patient.id} />
    </RecordFrame>
  );
}

/** Where each part sits on the picture (a body seen from the front: the child's left is on the right). */
const SPOTS: Readonly<Record<Exclude<BodyPart, 'unknown'>, { x: number; y: number; w: number; h: number }>> = {
  head: { x: 80, y: 4, w: 40, h: 40 }, neck: { x: 90, y: 44, w: 20, h: 12 }, 'right-shoulder': { x: 52, y: 56, w: 26, h: 18 }, 'left-shoulder': { x: 122, y: 56, w: 26, h: 18 },
  chest: { x: 78, y: 56, w: 44, h: 44 }, back: { x: 78, y: 100, w: 44, h: 24 }, 'right-arm': { x: 40, y: 74, w: 20, h: 70 }, 'left-arm': { x: 140, y: 74, w: 20, h: 70 },
  'right-hand': { x: 36, y: 144, w: 24, h: 22 }, 'left-hand': { x: 140, y: 144, w: 24, h: 22 }, pelvis: { x: 86, y: 124, w: 28, h: 26 },
  'right-hip': { x: 68, y: 124, w: 18, h: 26 }, 'left-hip': { x: 114, y: 124, w: 18, h: 26 }, 'right-upper-leg': { x: 70, y: 150, w: 28, h: 60 },
  'left-upper-leg': { x: 102, y: 150, w: 28, h: 60 }, 'right-knee': { x: 72, y: 210, w: 24, h: 18 }, 'left-knee': { x: 104, y: 210, w: 24, h: 18 },
  'right-lower-leg': { x: 72, y: 228, w: 24, h: 56 }, 'left-lower-leg': { x: 104, y: 228, w: 24, h: 56 }, 'right-foot': { x: 64, y: 284, w: 32, h: 16 }, 'left-foot': { x: 104, y: 284, w: 32, h: 16 },
};

/** A simple body from the front; the chosen part dark, the others light. The radios beside it carry the choice. */
export function BodyPicture({ t, chosen }: { t: Messages; chosen: string | undefined }) {
  return (
    <svg viewBox="0 0 200 304" role="img" aria-labelledby="body-picture-title" xmlns="http://www.w3.org/2000/svg" class="body-picture" width="160" height="243">
      <title id="body-picture-title">{t.fractureSignals.bodyPicture}</title>
      {Object.entries(SPOTS).map(([part, s]) => (
        <rect key={part} x={s.x} y={s.y} width={s.w} height={s.h} rx="6" fill={part === chosen ? '#1d4f91' : '#dde6f2'} stroke="#333" stroke-width="1.5" />
      ))}
    </svg>
  );
}

/** The signal's fields, for the parent's page and the staff's page alike. */
function SignalFields({ t, values, ticked, errors }: { t: Messages; values: Record<string, string>; ticked: readonly string[]; errors: FieldErrors }) {
  const s = t.fractureSignals;
  return (
    <>
      <fieldset aria-describedby={errors.observed ? 'observed-hint observed-error' : 'observed-hint'}>
        <legend>{s.observed}</legend>
        <span class="hint" id="observed-hint">{s.observedHint}</span>
        {errors.observed ? <span class="field-error" id="observed-error"><span class="visually-hidden">{t.form.errorPrefix} </span>{errors.observed}</span> : null}
        {SIGNAL_OBSERVATIONS.map((o, i) => {
          const id = i === 0 ? 'observed' : `observed-${o}`;
          return (
            <label key={o} class="choice" for={id}>
              <input type="checkbox" id={id} name="observed" value={o} checked={ticked.includes(o)} aria-invalid={errors.observed ? 'true' : undefined} />
              {s.observations[o]}
            </label>
          );
        })}
      </fieldset>
      <div class="body-choice">
        <BodyPicture t={t} chosen={values.bodyPart} />
        <Radios t={t} name="bodyPart" legend={s.bodyPart} hint={s.bodyHint} options={BODY_PARTS.map((b) => ({ value: b, label: s.bodyParts[b] }))} value={values.bodyPart} error={errors.bodyPart} />
      </div>
      <Field t={t} name="observedOn" label={s.observedOn} hint={s.observedOnHint} value={values.observedOn} error={errors.observedOn} inputMode="numeric" autocomplete="off" />
      <TextArea t={t} name="note" label={s.note} value={values.note} error={errors.note} optional maxLength={2000} />
    </>
  );
}

export interface SignalFormState {
  values: Record<string, string>;
  ticked: readonly string[];
  errors: FieldErrors;
}

export function ParentSignalPage(p: { ctx: PageContext; name: string; patientId: string; csrf: string; state: SignalFormState; sent?: boolean; home: string }) {
  const { ctx } = p;
  const t = ctx.t;
  const s = t.fractureSignals;
  const failed = Object.keys(p.state.errors).length > 0;
  return (
    <Layout ctx={ctx} title={failed ? `${t.form.titlePrefix}: ${s.parentTitle}` : s.parentTitle}>
      <h1>{s.parentTitle}</h1>
      <p class="for-whom"><strong>{s.forWhom(p.name)}</strong></p>
      {p.sent ? <Notice ok>{s.sent}</Notice> : null}
      <ErrorSummary t={t} errors={p.state.errors} />
      <p class="lead">{s.parentIntro}</p>
      <p><strong>{s.urgent}</strong></p>
      <form method="post" action={`/signal/${p.patientId}`} novalidate>
        <Csrf token={p.csrf} />
        <SignalFields t={t} values={p.state.values} ticked={p.state.ticked} errors={p.state.errors} />
        <p class="actions"><button type="submit">{s.send}</button></p>
      </form>
      <p><a href={p.home}>{s.home}</a></p>
    </Layout>
  );
}

function outcomeText(t: Messages, x: SignalView): string {
  const s = t.fractureSignals;
  if (!x.outcome) return s.open;
  return s.outcomeLine(s.fractureValues[x.outcome.fracture], x.outcome.xray ? s.xrayYes : s.xrayNo, x.outcome.by ?? '–', numericDateTime(x.outcome.at));
}

export interface SignalsPageProps {
  ctx: PageContext;
  view: SignalsOf;
  csrf: string;
  /** The reader records what followed (the centre's physician). */
  physician: boolean;
  chosen: string | undefined;
  form?: 'note' | 'outcome';
  state: SignalFormState;
  notice?: 'sent' | 'closed';
}

export function SignalsPage(p: SignalsPageProps) {
  const { ctx, view } = p;
  const t = ctx.t;
  const s = t.fractureSignals;
  const errors = p.state.errors;
  const base = `/patients/${view.patient.id}/child/signals`;
  const open = view.items.filter((x) => x.open);
  const chosen = open.find((x) => x.id === p.chosen) ?? open[0];
  const outcomeErrors = p.form === 'outcome' ? errors : {};
  const ov = p.form === 'outcome' ? p.state.values : {};
  return (
    <RecordFrame ctx={ctx} patient={view.patient} section="overview" heading={s.title} title={titleOf(t, s.title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      {p.notice === 'sent' ? <Notice ok>{s.sent}</Notice> : p.notice === 'closed' ? <Notice ok>{s.closedNotice}</Notice> : null}
      <h2 id="signal-list">{s.listTitle}</h2>
      {view.items.length === 0 ? (
        <EmptyState>{s.none}</EmptyState>
      ) : (
        <DataTable
          caption={s.caption}
          captionHidden
          rows={view.items}
          rowKey={(x) => x.id}
          columns={[
            { label: s.when, cell: (x) => <span class="num">{numericDate(x.observedOn)}</span> },
            { label: s.what, cell: (x) => x.observed.map((o) => s.observations[o]).join('; ') + (x.note ? `. ${x.note}` : '') },
            { label: s.where, cell: (x) => s.bodyParts[x.bodyPart] },
            { label: s.by, cell: (x) => `${x.notedBy ?? '–'}, ${numericDateTime(x.notedAt)}` },
            {
              label: s.state,
              cell: (x) => (x.open ? (
                <>
                  <Chip tone="error">{s.open}</Chip>
                  {p.physician ? <> <a href={`${base}?signal=${x.id}#outcome`}>{s.outcomeTitle}</a></> : null}
                </>
              ) : <><Chip tone="ok">{s.closed}</Chip> {outcomeText(t, x)}</>),
            },
          ]}
        />
      )}
      {chosen && p.physician ? (
        <section aria-labelledby="outcome">
          <h2 id="outcome">{`${s.outcomeTitle}: ${numericDate(chosen.observedOn)}, ${s.bodyParts[chosen.bodyPart]}`}</h2>
          <form method="post" action={`${base}/${chosen.id}/outcome`} novalidate>
            <Csrf token={p.csrf} />
            <Radios t={t} name="seen" legend={s.seen} options={[{ value: 'yes', label: s.yes }, { value: 'no', label: s.no }]} value={ov.seen} error={outcomeErrors.seen} />
            <Radios t={t} name="xray" legend={s.xray} options={[{ value: 'yes', label: s.yes }, { value: 'no', label: s.no }]} value={ov.xray} error={outcomeErrors.xray} />
            <Radios t={t} name="fracture" legend={s.fracture} options={(['yes', 'no', 'unknown'] as const).map((f) => ({ value: f, label: s.fractureValues[f] }))} value={ov.fracture} error={outcomeErrors.fracture} />
            <TextArea t={t} name="note" label={s.outcomeNote} value={ov.note} error={outcomeErrors.note} optional maxLength={2000} />
            <p class="actions"><button type="submit">{s.close}</button></p>
          </form>
        </section>
      ) : chosen ? <p>{s.onlyPhysician}</p> : null}
      <section aria-labelledby="note-signal">
        <h2 id="note-signal">{s.formTitle}</h2>
        <form method="post" action={base} novalidate>
          <Csrf token={p.csrf} />
          <SignalFields t={t} values={p.form === 'note' ? p.state.values : {}} ticked={p.form === 'note' ? p.state.ticked : []} errors={p.form === 'note' ? errors : {}} />
          <p class="actions"><button type="submit">{s.send}</button></p>
        </form>
      </section>
      <p><a href={`/patients/${view.patient.id}/child/aids`}>{t.childAids.title}</a></p>
      <Back t={t} patientId={view.patient.id} />
    </RecordFrame>
  );
}
