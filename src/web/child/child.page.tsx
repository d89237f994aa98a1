// A child's bone-health pages. The staff's overview (/patients/:id/child, the clinician side): the
// core's bone-quality risk with its why and the observed shares, the profile, growth as a chart
// drawn on the server with the same figures in words and in a table (no reference curves, see
// docs/child-profile.md), earlier fractures, the vitamin D reminder for the group, and the forms of
// the physician and physiotherapist. The vitamin D page (/patients/:id/child/vitamin-d): the
// advice and the doses given. The parents' overview (/child/:id, the patient side, B1): the doses
// noted with two big buttons first, then the risk and the advice in plain words. No script.
import type { ComponentChildren } from 'preact';
import type { ChildProfileView } from '../../api/facade.js';
import type { Patient } from '../../schema/patient.schema.js';
import { FRACTURE_SITES, MOBILITY } from '../../core/case.schema.js';
import { num } from '../../core/text.js';
import { FEEDING } from '../../schema/child-profile.schema.js';
import { Layout, type PageContext } from '../components/Layout.js';
import { RecordFrame } from '../components/Record.js';
import { Csrf, ErrorSummary, Field, Notice, Radios, Select, TextArea, type FieldErrors } from '../components/Form.js';
import { calendarDate, dateTime, numericDate } from '../time-format.js';
import type { Lang, Messages } from '../i18n/index.js';

type View = ChildProfileView;
type Growth = View['growth'];
export interface FormState {
  values?: Record<string, string>;
  errors?: FieldErrors;
}

/** A measurement as typed: whole numbers without a decimal, others with one. */
const measure = (n: number, lang: Lang) => (Number.isInteger(n) ? num(n, lang) : num(n, lang, 1));

const yesNoWord = (t: Messages, v: boolean | null) => (v === null ? t.childProfile.unknown : v ? t.childProfile.yes : t.childProfile.no);

// ---------------------------------------------------------------------------------------------
// Growth chart: height (left axis) and weight (right axis) against the date, drawn to scale.

const W = 720;
const H = 320;
const PAD = { left: 64, right: 64, top: 20, bottom: 56 } as const;
const dayNumber = (ymd: string) => Date.parse(`${ymd}T12:00:00Z`) / 86_400_000;

/** The axis range of a series: its lowest and highest value, a little room around, never empty. */
export function axisRange(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const room = Math.max(1, (hi - lo) * 0.1);
  return [Math.max(0, Math.floor(lo - room)), Math.ceil(hi + room)];
}

export function GrowthChart({ t, lang, growth }: { t: Messages; lang: Lang; growth: Growth }) {
  const c = t.childProfile;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const days = growth.map((g) => dayNumber(g.date));
  const d0 = Math.min(...days);
  const d1 = Math.max(...days);
  const x = (ymd: string) => PAD.left + (d1 === d0 ? plotW / 2 : ((dayNumber(ymd) - d0) / (d1 - d0)) * plotW);
  const heights = growth.flatMap((g) => (g.heightCm === null ? [] : [{ date: g.date, v: g.heightCm }]));
  const weights = growth.flatMap((g) => (g.weightKg === null ? [] : [{ date: g.date, v: g.weightKg }]));
  const [h0, h1] = axisRange(heights.map((p) => p.v));
  const [w0, w1] = axisRange(weights.map((p) => p.v));
  const yH = (v: number) => PAD.top + plotH - ((v - h0) / (h1 - h0)) * plotH;
  const yW = (v: number) => PAD.top + plotH - ((v - w0) / (w1 - w0)) * plotH;
  const line = (pts: { date: string; v: number }[], y: (v: number) => number) => pts.map((p, i) => `${i === 0 ? 'M' : 'L'} ${x(p.date).toFixed(1)} ${y(p.v).toFixed(1)}`).join(' ');
  const first = growth[0]?.date;
  const last = growth.at(-1)?.date;
  return (
    <svg viewBox={`0 0 ${String(W)} ${String(H)}`} role="img" aria-labelledby="growth-chart-title" xmlns="http://www.w3.org/2000/svg" class="growth-chart">
      <title id="growth-chart-title">{c.growthAlt}</title>
      <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} stroke="#333" />
      <line x1={PAD.left + plotW} x2={PAD.left + plotW} y1={PAD.top} y2={PAD.top + plotH} stroke="#333" />
      <line x1={PAD.left} x2={PAD.left + plotW} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="#333" />
      {heights.length > 0 ? [h0, h1].map((v) => <text key={`h${String(v)}`} x={PAD.left - 6} y={yH(v) + 5} font-size="16" text-anchor="end">{num(v, lang)}</text>) : null}
      {weights.length > 0 ? [w0, w1].map((v) => <text key={`w${String(v)}`} x={PAD.left + plotW + 6} y={yW(v) + 5} font-size="16">{num(v, lang)}</text>) : null}
      {first ? <text x={PAD.left} y={PAD.top + plotH + 22} font-size="16">{numericDate(first)}</text> : null}
      {last && last !== first ? <text x={PAD.left + plotW} y={PAD.top + plotH + 22} font-size="16" text-anchor="end">{numericDate(last)}</text> : null}
      {heights.length > 1 ? <path d={line(heights, yH)} fill="none" stroke="#1d4f91" stroke-width="2" /> : null}
      {heights.map((p) => <circle key={`hc${p.date}`} cx={x(p.date)} cy={yH(p.v)} r="5" fill="#fff" stroke="#1d4f91" stroke-width="3" />)}
      {weights.length > 1 ? <path d={line(weights, yW)} fill="none" stroke="#8a3b00" stroke-width="2" stroke-dasharray="6 4" /> : null}
      {weights.map((p) => <rect key={`wr${p.date}`} x={x(p.date) - 5} y={yW(p.v) - 5} width="10" height="10" fill="#8a3b00" />)}
      <text x={PAD.left} y={H - 8} font-size="16">{`${c.heightKey} · ${c.weightKey}`}</text>
    </svg>
  );
}

/** The chart in words: each series from its first to its last measurement. */
export function growthSummary(t: Messages, lang: Lang, growth: Growth): string[] {
  const c = t.childProfile;
  const out: string[] = [];
  const say = (what: string, unit: string, pts: { date: string; v: number }[]) => {
    const a = pts[0];
    const b = pts.at(-1);
    if (!a || !b) return;
    const v = (n: number) => `${measure(n, lang)} ${unit}`;
    out.push(pts.length === 1 ? c.growthOne(what, v(a.v), numericDate(a.date)) : c.growthSummary(what, v(a.v), numericDate(a.date), v(b.v), numericDate(b.date)));
  };
  say(c.heightWord, 'cm', growth.flatMap((g) => (g.heightCm === null ? [] : [{ date: g.date, v: g.heightCm }])));
  say(c.weightWord, 'kg', growth.flatMap((g) => (g.weightKg === null ? [] : [{ date: g.date, v: g.weightKg }])));
  out.push(c.growthNoCurves);
  return out;
}

function GrowthSection({ ctx, view, form, csrf }: { ctx: PageContext; view: View; form?: FormState | undefined; csrf?: string | undefined }) {
  const t = ctx.t;
  const c = t.childProfile;
  const v = form?.values ?? {};
  const e = form?.errors ?? {};
  return (
    <section aria-labelledby="growth-title">
      <h2 id="growth-title">{c.growthTitle}</h2>
      {view.growth.length === 0 ? <p>{c.growthNone}</p> : (
        <>
          <figure class="chart">
            <GrowthChart t={t} lang={ctx.lang} growth={view.growth} />
            <figcaption>{growthSummary(t, ctx.lang, view.growth).map((s) => <p key={s}>{s}</p>)}</figcaption>
          </figure>
          <div class="table-scroll">
            <table class="stack">
              <caption>{c.growthCaption}</caption>
              <thead><tr><th scope="col">{c.date}</th><th scope="col">{c.height}</th><th scope="col">{c.weight}</th></tr></thead>
              <tbody>
                {view.growth.map((g) => (
                  <tr key={g.date}>
                    <th scope="row" data-label={c.date}>{calendarDate(ctx.lang, g.date)}</th>
                    <td data-label={c.height} class="num">{g.heightCm === null ? '–' : measure(g.heightCm, ctx.lang)}</td>
                    <td data-label={c.weight} class="num">{g.weightKg === null ? '–' : measure(g.weightKg, ctx.lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {csrf ? (
        <form method="post" action={`/patients/${view.patient.id}/child/growth`} novalidate>
          <h3>{c.growthForm}</h3>
          <Csrf token={csrf} />
          <Field t={t} name="date" label={c.date} hint={c.dateHint} value={v.date} error={e.date} inputMode="numeric" autocomplete="off" />
          <Field t={t} name="weightKg" label={c.weight} hint={c.numberHint} value={v.weightKg} error={e.weightKg} inputMode="decimal" autocomplete="off" optional={c.weightOrHeight} />
          <Field t={t} name="heightCm" label={c.height} hint={c.numberHint} value={v.heightCm} error={e.heightCm} inputMode="decimal" autocomplete="off" optional={c.weightOrHeight} />
          <p class="actions"><button type="submit">{c.growthSave}</button></p>
        </form>
      ) : null}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// The risk, with its why, the observed shares and (at extra risk) the advice.

function RiskSection({ ctx, view, patientSide }: { ctx: PageContext; view: View; patientSide: boolean }) {
  const t = ctx.t;
  const c = t.childProfile;
  const r = view.boneQualityRisk;
  return (
    <section aria-labelledby="risk-title">
      <h2 id="risk-title">{c.riskTitle}</h2>
      {r === null ? <p>{c.riskNone}</p> : (
        <>
          <p><strong>{`${c.riskLevel}: ${c.levels[r.level]}`}</strong></p>
          <p>{patientSide ? r.explanation.patient : r.explanation.clinician}</p>
          <div class="table-scroll">
            <table class="stack">
              <caption>{c.sharesCaption}</caption>
              <thead><tr><th scope="col">{c.sharesGroup}</th><th scope="col">{c.sharesPercent}</th></tr></thead>
              <tbody>
                {(['wheelchair', 'walkingAid', 'independentWalker'] as const).map((g) => (
                  <tr key={g}>
                    <th scope="row" data-label={c.sharesGroup}>{c.shareGroups[g]}</th>
                    <td data-label={c.sharesPercent} class="num">{`${String(r.observedSharesPercent[g])} %`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {r.extraRisk ? (
            <>
              <h3>{c.extraTitle}</h3>
              <ul class="bullets">{c.extra.map((s) => <li key={s}>{s}</li>)}</ul>
            </>
          ) : null}
          {patientSide ? null : <p class="hint">{`${c.sources}: ${r.source.join(', ')}`}</p>}
        </>
      )}
      {patientSide ? null : <p>{c.dxa}</p>}
    </section>
  );
}

function ProfileFacts({ ctx, view }: { ctx: PageContext; view: View }) {
  const t = ctx.t;
  const c = t.childProfile;
  const p = view.profile;
  const rows: [string, string][] = [
    [c.mobility, p.mobility === null ? c.unknown : t.facts.options.mobility[p.mobility]],
    [c.indoorsMostly, yesNoWord(t, p.indoorsMostly)],
    [c.antiEpileptics, p.antiEpileptics === null ? c.unknown : String(p.antiEpileptics)],
    [c.corticosteroids, yesNoWord(t, p.corticosteroids)],
    [c.feeding, p.feeding === null ? c.unknown : c.feedings[p.feeding]],
    [c.fibreRich, yesNoWord(t, p.fibreRich)],
  ];
  if (p.note !== null) rows.push([c.note, p.note]);
  return (
    <>
      <dl class="details">
        {rows.map(([k, v]) => (
          <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
        ))}
      </dl>
      {p.updatedAt ? <p class="hint">{c.updated(p.updatedBy ?? '–', dateTime(ctx.lang, p.updatedAt))}</p> : null}
    </>
  );
}

function Fractures({ ctx, view }: { ctx: PageContext; view: View }) {
  const t = ctx.t;
  const c = t.childProfile;
  if (view.fractures.length === 0) return <p>{c.fracturesNone}</p>;
  return (
    <div class="table-scroll">
      <table class="stack">
        <caption>{c.fracturesCaption}</caption>
        <thead><tr><th scope="col">{c.date}</th><th scope="col">{c.site}</th><th scope="col">{c.how}</th></tr></thead>
        <tbody>
          {view.fractures.map((f) => (
            <tr key={f.entryId}>
              <th scope="row" data-label={c.date}>{calendarDate(ctx.lang, f.date)}</th>
              <td data-label={c.site}>{t.clinical.sites[f.site]}</td>
              <td data-label={c.how}>{f.how ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The reminder box, for the group (staff) or the parents; nothing when no reminder is due. */
export function DoseReminder({ ctx, view, action }: { ctx: PageContext; view: View; action?: ComponentChildren }) {
  const d = ctx.t.childVitaminD;
  const r = view.reminder;
  if (!r.remind) return null;
  return (
    <section class="notice" role="note" aria-labelledby={`dose-reminder-${view.patient.id}`}>
      <h2 id={`dose-reminder-${view.patient.id}`}>{d.reminderTitle}</h2>
      <p>{r.lastDose === null ? d.reminderNever : d.reminderDays(String(r.daysSince ?? 0), calendarDate(ctx.lang, r.lastDose))}</p>
      <p class="hint">{d.reminderRule(String(r.afterDays))}</p>
      {action}
    </section>
  );
}

function Advice({ ctx, view, patientSide }: { ctx: PageContext; view: View; patientSide: boolean }) {
  const d = ctx.t.childVitaminD;
  const a = view.vitaminD;
  return (
    <>
      <p><strong>{a.microgramsPerDay > 0 ? d.perDay(num(a.microgramsPerDay, ctx.lang)) : d.noAdvice}</strong></p>
      <p>{patientSide ? a.explanation.patient : a.explanation.clinician}</p>
      {a.physicianSetsDose ? <p><strong>{d.physicianSets}</strong></p> : null}
      <p>{d.calcium}</p>
      {patientSide || a.source.length === 0 ? null : <p class="hint">{`${ctx.t.childProfile.sources}: ${a.source.join(', ')}`}</p>}
    </>
  );
}

export interface StaffChildProps {
  ctx: PageContext;
  patient: Patient;
  view: View;
  csrf: string;
  notice?: string | undefined;
  profile?: FormState | undefined;
  growth?: FormState | undefined;
  fracture?: FormState | undefined;
}

const profileValues = (view: View): Record<string, string> => {
  const p = view.profile;
  const yn = (b: boolean | null) => (b === null ? '' : b ? 'yes' : 'no');
  return {
    mobility: p.mobility ?? '', indoorsMostly: yn(p.indoorsMostly), antiEpileptics: p.antiEpileptics === null ? '' : String(p.antiEpileptics),
    corticosteroids: yn(p.corticosteroids), feeding: p.feeding ?? '', fibreRich: yn(p.fibreRich), note: p.note ?? '',
  };
};

export function StaffChildPage(p: StaffChildProps) {
  const { ctx, view } = p;
  const t = ctx.t;
  const c = t.childProfile;
  const id = view.patient.id;
  const errors = { ...(p.profile?.errors ?? {}), ...(p.growth?.errors ?? {}), ...(p.fracture?.errors ?? {}) };
  const failed = Object.keys(errors).length > 0;
  const pv = p.profile?.values ?? profileValues(view);
  const pe = p.profile?.errors ?? {};
  const fv = p.fracture?.values ?? {};
  const fe = p.fracture?.errors ?? {};
  const yn = (name: string, label: string) => (
    <Radios t={t} name={name} legend={label} options={[{ value: 'yes', label: c.yes }, { value: 'no', label: c.no }]} value={pv[name]} error={pe[name]} />
  );
  return (
    <RecordFrame ctx={ctx} patient={p.patient} section="overview" heading={c.title} {...(failed ? { title: `${t.form.titlePrefix}: ${c.title}` } : {})}>
      {p.notice ? <Notice ok>{p.notice}</Notice> : null}
      <ErrorSummary t={t} errors={errors} />
      <nav aria-labelledby="child-pages">
        <h2 id="child-pages">{c.otherPages}</h2>
        <ul class="bullets">
          <li><a href={`/patients/${id}/child/vitamin-d`}>{c.links.vitaminD}</a></li>
          <li><a href={`/patients/${id}/child/loading`}>{c.links.loading}</a></li>
          <li><a href={`/patients/${id}/child/aids`}>{c.links.aids}</a></li>
          <li><a href={`/patients/${id}/child/signals`}>{c.links.signals}</a></li>
        </ul>
      </nav>
      <DoseReminder ctx={ctx} view={view} action={<p><a href={`/patients/${id}/child/vitamin-d`}>{t.childVitaminD.giveTitle}</a></p>} />
      <RiskSection ctx={ctx} view={view} patientSide={false} />
      <section aria-labelledby="vd-title">
        <h2 id="vd-title">{t.childVitaminD.title}</h2>
        <Advice ctx={ctx} view={view} patientSide={false} />
      </section>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{c.profileTitle}</h2>
        <ProfileFacts ctx={ctx} view={view} />
        {view.may.care ? (
          <form method="post" action={`/patients/${id}/child/profile`} novalidate>
            <h3>{c.editTitle}</h3>
            <Csrf token={p.csrf} />
            <Radios t={t} name="mobility" legend={c.mobility} options={MOBILITY.map((m) => ({ value: m, label: t.facts.options.mobility[m] }))} value={pv.mobility} error={pe.mobility} />
            {yn('indoorsMostly', c.indoorsMostly)}
            <Field t={t} name="antiEpileptics" label={c.antiEpileptics} hint={c.antiEpilepticsHint} value={pv.antiEpileptics} error={pe.antiEpileptics} inputMode="numeric" autocomplete="off" optional />
            {yn('corticosteroids', c.corticosteroids)}
            <Radios t={t} name="feeding" legend={c.feeding} options={FEEDING.map((f) => ({ value: f, label: c.feedings[f] }))} value={pv.feeding} error={pe.feeding} />
            {yn('fibreRich', c.fibreRich)}
            <TextArea t={t} name="note" label={c.note} value={pv.note} error={pe.note} optional maxLength={2000} />
            <p class="actions"><button type="submit">{c.save}</button></p>
          </form>
        ) : <p class="hint">{c.readOnly}</p>}
      </section>
      <GrowthSection ctx={ctx} view={view} form={p.growth} csrf={view.may.care ? p.csrf : undefined} />
      <section aria-labelledby="fractures-title">
        <h2 id="fractures-title">{c.fracturesTitle}</h2>
        <Fractures ctx={ctx} view={view} />
        {view.may.care ? (
          <form method="post" action={`/patients/${id}/child/fractures`} novalidate>
            <h3>{c.fractureForm}</h3>
            <Csrf token={p.csrf} />
            <Field t={t} name="date" label={c.date} hint={c.dateHint} value={fv.date} error={fe.date} inputMode="numeric" autocomplete="off" />
            <Select t={t} name="site" label={c.site} options={FRACTURE_SITES.map((s) => ({ value: s, label: t.clinical.sites[s] }))} value={fv.site} error={fe.site} blank={c.chooseSite} />
            <Field t={t} name="how" label={c.how} hint={c.howHint} value={fv.how} error={fe.how} maxLength={500} autocomplete="off" />
            <p class="actions"><button type="submit">{c.fractureSave}</button></p>
          </form>
        ) : null}
      </section>
    </RecordFrame>
  );
}

function Doses({ ctx, view }: { ctx: PageContext; view: View }) {
  const d = ctx.t.childVitaminD;
  if (view.doses.length === 0) return <p>{d.dosesNone}</p>;
  return (
    <div class="table-scroll">
      <table class="stack">
        <caption>{d.dosesCaption}</caption>
        <thead><tr><th scope="col">{d.date}</th><th scope="col">{d.micrograms}</th><th scope="col">{d.by}</th></tr></thead>
        <tbody>
          {view.doses.map((x) => (
            <tr key={x.id}>
              <th scope="row" data-label={d.date}>{calendarDate(ctx.lang, x.date)}</th>
              <td data-label={d.micrograms} class="num">{String(x.micrograms)}</td>
              <td data-label={d.by}>{x.givenBy ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function VitaminDPage(p: { ctx: PageContext; patient: Patient; view: View; csrf: string; saved?: boolean; form?: FormState | undefined }) {
  const { ctx, view } = p;
  const t = ctx.t;
  const d = t.childVitaminD;
  const v = p.form?.values ?? {};
  const e = p.form?.errors ?? {};
  const failed = Object.keys(e).length > 0;
  return (
    <RecordFrame ctx={ctx} patient={p.patient} section="overview" heading={d.title} {...(failed ? { title: `${t.form.titlePrefix}: ${d.title}` } : {})}>
      {p.saved ? <Notice ok>{d.saved}</Notice> : null}
      <ErrorSummary t={t} errors={e} />
      <p><a href={`/patients/${view.patient.id}/child`}>{d.back}</a></p>
      <DoseReminder ctx={ctx} view={view} />
      <section aria-labelledby="advice-title">
        <h2 id="advice-title">{d.adviceTitle}</h2>
        <Advice ctx={ctx} view={view} patientSide={false} />
      </section>
      <section aria-labelledby="give-title">
        <h2 id="give-title">{d.giveTitle}</h2>
        {view.may.log ? (
          <form method="post" action={`/patients/${view.patient.id}/child/vitamin-d`} novalidate>
            <Csrf token={p.csrf} />
            <Field t={t} name="date" label={d.date} hint={d.dateHint} value={v.date} error={e.date} inputMode="numeric" autocomplete="off" />
            <Field t={t} name="dose" label={d.dose} hint={d.doseHint} value={v.dose} error={e.dose} inputMode="numeric" autocomplete="off" />
            <p class="actions"><button type="submit">{d.save}</button></p>
          </form>
        ) : <p class="hint">{d.mayNot}</p>}
      </section>
      <section aria-labelledby="doses-title">
        <h2 id="doses-title">{d.dosesTitle}</h2>
        <Doses ctx={ctx} view={view} />
      </section>
    </RecordFrame>
  );
}

/** The parents' overview: the dose first (two big buttons), then the risk and the advice in plain words. */
export function ParentChildPage(p: { ctx: PageContext; view: View; csrf: string; saved?: boolean; form?: FormState | undefined }) {
  const { ctx, view } = p;
  const t = ctx.t;
  const c = t.childProfile;
  const d = t.childVitaminD;
  const v = p.form?.values ?? {};
  const e = p.form?.errors ?? {};
  const failed = Object.keys(e).length > 0;
  const title = c.parentTitle(view.patient.name);
  const advised = view.vitaminD.microgramsPerDay;
  return (
    <Layout ctx={ctx} title={failed ? `${t.form.titlePrefix}: ${title}` : title}>
      <h1>{title}</h1>
      <p class="for-whom"><strong>{c.forWhom(view.patient.name)}</strong></p>
      {p.saved ? <Notice ok>{d.saved}</Notice> : null}
      <ErrorSummary t={t} errors={e} />
      <p class="lead">{c.parentIntro}</p>
      <DoseReminder ctx={ctx} view={view} action={<p>{d.reminderParent(view.patient.name)}</p>} />
      <section aria-labelledby="give-title">
        <h2 id="give-title">{d.giveTitle}</h2>
        <form method="post" action={`/child/${view.patient.id}/vitamin-d`} novalidate>
          <Csrf token={p.csrf} />
          <Field t={t} name="dose" label={d.dose} hint={d.doseHint} value={v.dose ?? (advised > 0 ? String(advised) : '')} error={e.dose} inputMode="numeric" autocomplete="off" />
          <p class="actions big-buttons">
            <button type="submit" name="day" value="today">{d.givenToday}</button>
            <button type="submit" name="day" value="yesterday" class="secondary">{d.givenYesterday}</button>
          </p>
        </form>
      </section>
      <section aria-labelledby="vd-title">
        <h2 id="vd-title">{d.title}</h2>
        <Advice ctx={ctx} view={view} patientSide />
      </section>
      <RiskSection ctx={ctx} view={view} patientSide />
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{c.profileTitle}</h2>
        <ProfileFacts ctx={ctx} view={view} />
        <p class="hint">{c.readOnly}</p>
      </section>
      <GrowthSection ctx={ctx} view={view} />
      <section aria-labelledby="fractures-title">
        <h2 id="fractures-title">{c.fracturesTitle}</h2>
        <Fractures ctx={ctx} view={view} />
      </section>
      <section aria-labelledby="doses-title">
        <h2 id="doses-title">{d.dosesTitle}</h2>
        <Doses ctx={ctx} view={view} />
      </section>
      <ul class="bullets">
        <li><a href={`/log/${view.patient.id}`}>{c.parentLinks.log}</a></li>
        <li><a href={`/signal/${view.patient.id}`}>{c.parentLinks.signal}</a></li>
        <li><a href="/care">{c.parentLinks.care}</a></li>
      </ul>
    </Layout>
  );
}
