// The shared decision screen (/patients/:id/decision), which the physician or nurse looks at with
// the patient: the patient's own picture (the core's findings, the FRAX risks as entered, drawn as
// 100 people), the options that apply side by side in plain words, what matters to the patient,
// the agreements form and the decisions made, each printable for the patient. Readers who may not
// record (the physiotherapist of a referral) see the picture, the options and the agreements.
// The icon arrays are inline SVG with their text beside them: no script, and the text is the
// equivalent a screen reader reads (the drawing is marked as an image labelled by that text).
import type { PageContext } from '../components/Layout.js';
import { RecordFrame, type BannerPatient } from '../components/Record.js';
import { Csrf, ErrorSummary, Field, Notice, Radios, Select, TextArea, type FieldErrors } from '../components/Form.js';
import type { DecisionScreen, DecisionView } from '../../api/facade.js';
import type { IconArray } from '../../core/decision/picture.js';
import { ICON_ARRAY_COLUMNS } from '../../core/decision/picture.js';
import { DRUGS } from '../../core/case.schema.js';
import { AGREEMENT_TOPICS } from '../../schema/decision.schema.js';
import { fullName } from '../../core/names.js';
import { num } from '../../core/text.js';
import { numericDate } from '../time-format.js';
import { agreementField } from './decision.forms.js';

export interface DecisionFormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

/** The icon array: 100 people in rows of 10, the affected drawn filled, the others as an outline (shape, not colour alone). */
export function IconArrayPicture({ id, array, label }: { id: string; array: IconArray; label: string }) {
  const size = 16;
  const rows = Math.ceil(array.cells.length / ICON_ARRAY_COLUMNS);
  return (
    <figure class="icon-array">
      <svg role="img" aria-labelledby={`${id}-text`} viewBox={`0 0 ${String(ICON_ARRAY_COLUMNS * size)} ${String(rows * size)}`} width={ICON_ARRAY_COLUMNS * size} height={rows * size}>
        {array.cells.map((hit, i) => {
          const x = (i % ICON_ARRAY_COLUMNS) * size + size / 2;
          const y = Math.floor(i / ICON_ARRAY_COLUMNS) * size;
          return (
            <g key={i} class={hit ? 'person hit' : 'person'}>
              <circle cx={x} cy={y + 4} r={3} fill={hit ? '#8a1c1c' : 'none'} stroke={hit ? '#8a1c1c' : '#555555'} stroke-width={1} />
              <path d={`M${String(x - 5)} ${String(y + 15)} Q${String(x)} ${String(y + 4)} ${String(x + 5)} ${String(y + 15)} Z`} fill={hit ? '#8a1c1c' : 'none'} stroke={hit ? '#8a1c1c' : '#555555'} stroke-width={1} />
            </g>
          );
        })}
      </svg>
      <figcaption id={`${id}-text`}>{label}</figcaption>
    </figure>
  );
}

function Picture({ ctx, s }: { ctx: PageContext; s: DecisionScreen }) {
  const d = ctx.t.decision;
  const p = s.picture;
  const peopleText = (a: IconArray) => (a.belowOne ? d.belowOne : d.people(a.affected));
  return (
    <section aria-labelledby="picture-title">
      <h2 id="picture-title">{d.pictureTitle}</h2>
      <h3>{d.reasonsTitle}</h3>
      {p.indicationReasons.length === 0 ? <p>{d.noReasons}</p> : <ul>{p.indicationReasons.map((r) => <li key={r}>{d.reasons[r] ?? r}</li>)}</ul>}
      <h3>{d.bmdTitle}</h3>
      <p>{p.bmd ? d.bmd(d.bmdCategories[p.bmd.category] ?? p.bmd.category, p.bmd.scoreType, num(p.bmd.score, ctx.lang, 1), numericDate(p.bmd.date)) : d.noBmd}</p>
      <h3>{d.fracturesTitle}</h3>
      {p.fractures.length === 0 ? <p>{d.noFractures}</p> : (
        <ul>{p.fractures.map((f) => <li key={`${f.site}-${f.date}`}>{d.fracture((ctx.t.clinical.sites as Record<string, string>)[f.site] ?? f.site, numericDate(f.date), f.lowEnergy)}</li>)}</ul>
      )}
      <h3>{d.fraxTitle}</h3>
      {p.frax ? (
        <>
          <p>{d.fraxSource(numericDate(p.frax.date), p.frax.withBmd)}</p>
          <div class="icon-arrays">
            <div>
              <h4>{d.fraxMajor}</h4>
              <IconArrayPicture id="frax-major" array={p.frax.major} label={peopleText(p.frax.major)} />
            </div>
            <div>
              <h4>{d.fraxHip}</h4>
              <IconArrayPicture id="frax-hip" array={p.frax.hip} label={peopleText(p.frax.hip)} />
            </div>
          </div>
        </>
      ) : <p>{d.noFrax}</p>}
    </section>
  );
}

function Options({ ctx, s }: { ctx: PageContext; s: DecisionScreen }) {
  const d = ctx.t.decision;
  const opts = s.options.options;
  const drugName = (x: string) => (ctx.t.facts.options.drug as Record<string, string>)[x] ?? x;
  const rows: { key: keyof typeof d.rows; cell: (o: (typeof opts)[number]) => preact.ComponentChildren }[] = [
    { key: 'benefit', cell: (o) => d.benefit[o.facts.benefit] },
    { key: 'burden', cell: (o) => d.burden[o.facts.burden] },
    { key: 'frequency', cell: (o) => d.frequency[o.facts.frequency] },
    { key: 'place', cell: (o) => d.place[o.facts.place] },
    { key: 'sideEffects', cell: (o) => <ul>{o.facts.sideEffects.map((e) => <li key={e}>{d.sideEffects[e]}</li>)}</ul> },
    {
      key: 'drugs',
      cell: (o) => (o.drugs.length === 0 ? '–' : (
        <ul>
          {o.drugs.map((g) => (
            <li key={g.drug}>
              {d.drugLine(drugName(g.drug), g.gate.absolute.length > 0 ? d.absolute : (d.verdict[g.gate.status] ?? g.gate.status))}
              {g.firstChoice ? <strong> ({d.firstChoice})</strong> : null}
            </li>
          ))}
        </ul>
      )),
    },
  ];
  const sources = [...new Set(opts.flatMap((o) => o.facts.sources))];
  return (
    <section aria-labelledby="options-title">
      <h2 id="options-title">{d.optionsTitle}</h2>
      {s.options.medicationIndicated ? null : <p>{d.onlyLifestyle}</p>}
      <table class="stack decision-options">
        <caption class="visually-hidden">{d.optionsTitle}</caption>
        <thead>
          <tr>
            <td />
            {opts.map((o) => <th key={o.option} scope="col">{d.options[o.option]}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{d.rows[r.key]}</th>
              {opts.map((o) => <td key={o.option} data-label={d.options[o.option]}>{r.cell(o)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">{d.sources}: {sources.map((x) => (ctx.t.learn.sourceNames as Record<string, string>)[x] ?? x).join('; ')}</p>
    </section>
  );
}

function DecisionFormSection({ ctx, s, patientId, csrf, form }: { ctx: PageContext; s: DecisionScreen; patientId: string; csrf: string; form: DecisionFormState | undefined }) {
  const d = ctx.t.decision;
  const v = form?.values ?? {};
  const errors = form?.errors ?? {};
  const drugs = s.options.options.flatMap((o) => o.drugs.map((g) => g.drug));
  return (
    <section aria-labelledby="form-title">
      <h2 id="form-title">{d.formTitle}</h2>
      <p>{d.formIntro}</p>
      <ErrorSummary t={ctx.t} errors={errors} />
      <form method="post" action={`/patients/${patientId}/decision`} novalidate>
        <Csrf token={csrf} />
        <Field t={ctx.t} name="date" label={d.date} hint={d.dateHint} value={v.date} inputMode="numeric" autocomplete="off" spellcheck={false} error={errors.date} />
        <Radios t={ctx.t} name="option" legend={d.option} value={v.option} error={errors.option} options={s.options.options.map((o) => ({ value: o.option, label: d.options[o.option] ?? o.option }))} />
        <Select t={ctx.t} name="drug" label={d.drug} hint={d.drugHint} optional value={v.drug} error={errors.drug} blank={d.noDrug}
          options={DRUGS.filter((x) => drugs.includes(x)).map((x) => ({ value: x, label: (ctx.t.facts.options.drug as Record<string, string>)[x] ?? x }))} />
        <TextArea t={ctx.t} name="whatMatters" label={d.whatMatters} hint={d.whatMattersHint} optional maxLength={4000} value={v.whatMatters} error={errors.whatMatters} />
        <fieldset>
          <legend>{d.agreementsTitle}</legend>
          {AGREEMENT_TOPICS.map((a) => {
            const name = agreementField(a);
            return <TextArea key={a} t={ctx.t} name={name} label={d.agreements[a] ?? a} optional maxLength={2000} value={v[name]} error={errors[name]} />;
          })}
        </fieldset>
        <p class="actions">
          <button type="submit">{d.save}</button>
        </p>
      </form>
    </section>
  );
}

/** One decision as it was recorded, with its agreements (shared by the clinician's and the patient's pages). */
export function DecisionAgreements({ ctx, decision, heading }: { ctx: PageContext; decision: DecisionView; heading: 'h3' | 'h2' }) {
  const d = ctx.t.decision;
  const H = heading;
  const given = AGREEMENT_TOPICS.filter((a) => decision.agreements[a] !== undefined);
  return (
    <>
      <H>{d.options[decision.option] ?? decision.option}{decision.drug ? ` (${(ctx.t.facts.options.drug as Record<string, string>)[decision.drug] ?? decision.drug})` : ''}</H>
      <p>{d.decidedOn(numericDate(decision.date), decision.madeBy ?? d.someone)}</p>
      {decision.whatMatters ? <p><strong>{d.mine.matters}:</strong> {decision.whatMatters}</p> : null}
      {given.length > 0 ? (
        <dl>
          {given.map((a) => [<dt key={`${a}-t`}>{d.agreements[a]}</dt>, <dd key={`${a}-d`}>{decision.agreements[a]}</dd>])}
        </dl>
      ) : null}
    </>
  );
}

function Decisions({ ctx, s, patientId }: { ctx: PageContext; s: DecisionScreen; patientId: string }) {
  const d = ctx.t.decision;
  return (
    <section aria-labelledby="earlier-title">
      <h2 id="earlier-title">{d.earlierTitle}</h2>
      {s.decisions.length === 0 ? <p>{d.noneYet}</p> : s.decisions.map((x) => (
        <article key={x.id} class="decision">
          <DecisionAgreements ctx={ctx} decision={x} heading="h3" />
          {s.mayRecord ? (
            <p>
              {d.print}:{' '}
              <a href={`/api/v1/patients/${patientId}/decisions/${x.id}/agreements.pdf?lang=nl`} hreflang="nl" type="application/pdf">{d.printNl}</a>
              {' · '}
              <a href={`/api/v1/patients/${patientId}/decisions/${x.id}/agreements.pdf?lang=en`} hreflang="en" type="application/pdf">{d.printEn}</a>
            </p>
          ) : null}
        </article>
      ))}
    </section>
  );
}

export function DecisionPage(p: { ctx: PageContext; patient: BannerPatient; screen: DecisionScreen; csrf: string; form?: DecisionFormState | undefined; saved?: boolean }) {
  const { ctx, patient, screen } = p;
  const d = ctx.t.decision;
  const failed = Object.keys(p.form?.errors ?? {}).length > 0;
  return (
    <RecordFrame ctx={ctx} patient={patient} section="medication" heading={d.title} {...(failed ? { title: `${ctx.t.form.titlePrefix}: ${ctx.t.clinical.sectionTitle(d.title, fullName(patient))}` } : {})}>
      {p.saved ? <Notice ok>{d.saved}</Notice> : null}
      <p>{d.intro}</p>
      <Picture ctx={ctx} s={screen} />
      <Options ctx={ctx} s={screen} />
      {screen.mayRecord ? <DecisionFormSection ctx={ctx} s={screen} patientId={patient.id} csrf={p.csrf} form={p.form} /> : null}
      <Decisions ctx={ctx} s={screen} patientId={patient.id} />
    </RecordFrame>
  );
}
