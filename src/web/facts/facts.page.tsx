// The clinician's list of facts to record, grouped as a clinician thinks of them, and one short
// form per kind, its inputs drawn from the kind's field table (facts.forms.ts).
import { Layout, type PageContext } from '../components/Layout.js';
import { Csrf, ErrorSummary, Field, Notice, Radios, Select, type FieldErrors } from '../components/Form.js';
import type { Messages } from '../i18n/index.js';
import type { Patient } from '../../schema/patient.schema.js';
import { fullName } from '../../core/names.js';
import { FACT_GROUPS, FACT_TABLES, NOT_ASKED, fieldLabel, optionalMark, type FactField, type FactKind, type FactTable } from './facts.forms.js';

const errTitle = (ctx: PageContext, title: string, errors: FieldErrors) =>
  Object.keys(errors).length > 0 ? `${ctx.t.form.titlePrefix}: ${title}` : title;

export const factsHref = (patientId: string) => `/patients/${patientId}/facts`;

export function FactsPage(props: { ctx: PageContext; patient: Patient; saved?: FactKind | undefined }) {
  const { ctx, patient } = props;
  const f = ctx.t.facts;
  return (
    <Layout ctx={ctx} title={f.title}>
      <h1>{f.title}</h1>
      {props.saved ? <Notice ok>{f.saved(f.kinds[props.saved].name)}</Notice> : null}
      <p class="lead">{f.forPatient(fullName(patient))}</p>
      <p>{f.intro}</p>
      {FACT_GROUPS.map((g) => (
        <section key={g.key} aria-labelledby={`group-${g.key}`}>
          <h2 id={`group-${g.key}`}>{f.groups[g.key]}</h2>
          <ul class="fact-kinds">
            {g.kinds.map((k) => (
              <li key={k}>
                <a href={`${factsHref(patient.id)}/${k}`}>{f.kinds[k].name}</a>
                <span class="hint">{f.kinds[k].meaning}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p>
        <a href={`/patients/${patient.id}`}>{f.back}</a>
      </p>
    </Layout>
  );
}

const HINTS: Partial<Record<string, (t: Messages) => string>> = {
  alcoholUnitsPerDay: (t) => t.facts.hints.alcoholUnitsPerDay,
  mgPerDay: (t) => t.facts.hints.mgPerDay,
  end: (t) => t.facts.hints.end,
  tugSeconds: (t) => t.facts.hints.tugSeconds,
};

function numberHint(t: Messages, f: Extract<FactField, { type: 'number' }>): string {
  const own = HINTS[f.name]?.(t);
  const range = t.facts.numberHint(String(f.min), String(f.max), t.facts.units[f.unit], f.above === true, f.whole === true);
  return own ? `${own} ${range}` : range;
}

/** One input of a fact's form, chosen by the field's type in its table. */
function FactInput({ t, table, field, values, errors }: { t: Messages; table: FactTable; field: FactField; values: Record<string, string>; errors: FieldErrors }) {
  const label = fieldLabel(t, field);
  const name = field.name;
  const optional = optionalMark(t, table, field);
  switch (field.type) {
    case 'number':
      return (
        <Field t={t} name={name} label={label} hint={numberHint(t, field)} value={values[name]} inputMode="decimal" autocomplete="off" spellcheck={false} optional={optional} error={errors[name]} />
      );
    case 'flag': {
      const yesNo = [
        { value: 'yes', label: t.form.yes },
        { value: 'no', label: t.form.no },
      ];
      // Not asked is a choice of its own, checked until something is said: the fact stays absent.
      const options = field.required ? yesNo : [...yesNo, { value: NOT_ASKED, label: t.facts.notAsked }];
      return <Radios t={t} name={name} legend={label} options={options} value={values[name] ?? (field.required ? undefined : NOT_ASKED)} error={errors[name]} />;
    }
    case 'select': {
      const words = t.facts.options[field.list] as Record<string, string>;
      return (
        <Select
          t={t}
          name={name}
          label={label}
          options={field.options.map((o) => ({ value: o, label: words[o] ?? o }))}
          value={values[name]}
          optional={optional}
          blank={t.form.chooseOption}
          error={errors[name]}
        />
      );
    }
    case 'scale': {
      const words = t.facts.options.fesI;
      return (
        <Radios
          t={t}
          name={name}
          legend={label}
          options={(['1', '2', '3', '4'] as const).map((o) => ({ value: o, label: words[o] }))}
          value={values[name]}
          error={errors[name]}
        />
      );
    }
    case 'date':
      return (
        <Field
          t={t}
          name={name}
          label={label}
          hint={HINTS[name]?.(t) ?? t.form.dateHint}
          value={values[name]}
          inputMode="numeric"
          autocomplete="off"
          spellcheck={false}
          optional={optional}
          error={errors[name]}
        />
      );
  }
}

/** What the form says above its fields, for the kinds that need a word of explanation. */
function KindHint({ t, kind, by }: { t: Messages; kind: FactKind; by: string }) {
  const h = t.facts.hints;
  const text = kind === 'fes-i' ? h.fesI : kind === 'calcium' ? h.calcium : kind === 'frax' ? h.frax : kind === 'workup-waived' ? h.by(by) : undefined;
  return text ? <p>{text}</p> : null;
}

export function FactFormPage(props: {
  ctx: PageContext;
  csrf: string;
  patient: Patient;
  kind: FactKind;
  /** The signed-in person, named on the waiver they record. */
  by: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  /** The record takes no new facts (care ended, merged): nothing was saved. */
  closed?: boolean;
}) {
  const { ctx, patient, kind } = props;
  const t = ctx.t;
  const errors = props.errors ?? {};
  const table = FACT_TABLES[kind];
  const title = t.facts.formTitle(t.facts.kinds[kind].name);
  const action = `${factsHref(patient.id)}/${kind}`;
  return (
    <Layout ctx={ctx} title={errTitle(ctx, title, errors)}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {props.closed ? <Notice>{t.facts.closed}</Notice> : null}
      <p class="lead">{t.facts.forPatient(fullName(patient))}</p>
      <p>{t.facts.kinds[kind].meaning}</p>
      <KindHint t={t} kind={kind} by={props.by} />
      <form method="post" action={action} novalidate>
        <Csrf token={props.csrf} />
        <Field t={t} name="date" label={t.facts.date} hint={t.facts.dateHint} value={props.values.date} inputMode="numeric" autocomplete="off" spellcheck={false} error={errors.date} />
        {table.fields.map((f) => (
          <FactInput key={f.name} t={t} table={table} field={f} values={props.values} errors={errors} />
        ))}
        <p class="actions">
          <button type="submit">{t.facts.save}</button>
        </p>
      </form>
      <p>
        <a href={factsHref(patient.id)}>{t.facts.backToList}</a>
      </p>
    </Layout>
  );
}
