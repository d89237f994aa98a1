// The administrator's page of the organisation's clinical settings: each value with what it means in
// plain words, its default, the value in force and where it comes from; one form for all of them.
import { Layout, type PageContext } from '../components/Layout.js';
import { Csrf, ErrorSummary, Field, Notice, Select, type FieldErrors } from '../components/Form.js';
import { dateTime } from '../time-format.js';
import type { OrganisationSettingsView } from '../../api/facade.js';
import { SETTING_SOURCES } from '../../core/settings.js';
import { SERVING_ITEMS, SETTING_NUMBERS, boundsOf, servingField, type NumberBounds, type SettingNumber } from './admin.forms.js';
import { Settings } from '../../core/settings.js';
import { settingWords } from './audit-words.js';

const POLICIES = Settings.shape.fractureSitePolicy.unwrap().options;
const SERVING_SCHEMA = Settings.shape.calciumPerServingMg.unwrap().shape;

/** A number as the reader writes it (a decimal comma in Dutch). */
const shown = (ctx: PageContext, v: number | null) => (v === null ? ctx.t.orgSettings.noLimit : v.toLocaleString(ctx.lang === 'nl' ? 'nl-NL' : 'en-GB'));

/** Default, value in force, and source, in one line each: what the hint of a field says after its meaning. */
function facts(ctx: PageContext, d: string, now: string, own: boolean, source: { section: number | null; sources: readonly string[] }): string {
  const o = ctx.t.orgSettings;
  return `${o.standard(d)} ${o.now(now, own)} ${o.source(source.section, source.sources.join(', '))}`;
}

function boundsWords(ctx: PageContext, b: NumberBounds): string {
  const o = ctx.t.orgSettings;
  const min = shown(ctx, b.min);
  const max = shown(ctx, b.max);
  return b.whole ? o.wholeBetween(min, max) : o.between(min, max);
}

export function OrganisationSettingsPage(props: {
  ctx: PageContext;
  csrf: string;
  settings: OrganisationSettingsView;
  /** What was typed, when the form comes back with errors. */
  values?: Record<string, string>;
  errors?: FieldErrors;
  saved?: boolean;
}) {
  const { ctx, settings } = props;
  const t = ctx.t;
  const o = t.orgSettings;
  const errors = props.errors ?? {};
  const eff = settings.effective;
  const def = settings.defaults;
  const own = (pointer: string) => settings.overridden.includes(pointer);
  const value = (name: string, current: number | string | null) => props.values?.[name] ?? (current === null ? '' : String(current));

  const numberField = (name: SettingNumber) => {
    const b = boundsOf(SETTING_NUMBERS[name]);
    const f = o.fields[name];
    const optional = name === 'vertebralFractureMinT';
    const hint = [f.meaning, boundsWords(ctx, b), optional ? o.emptyIsNoLimit : '', facts(ctx, shown(ctx, def[name]), shown(ctx, eff[name]), own(`/${name}`), SETTING_SOURCES[name])]
      .filter((x) => x !== '')
      .join(' ');
    return (
      <Field
        t={t}
        name={name}
        type="number"
        label={f.label}
        hint={hint}
        value={value(name, eff[name])}
        min={b.min}
        max={b.max}
        step={b.whole ? 1 : 'any'}
        inputMode={b.whole && b.min >= 0 ? 'numeric' : 'decimal'}
        autocomplete="off"
        optional={optional}
        error={errors[name]}
      />
    );
  };

  const policyHint = [
    o.fields.fractureSitePolicy.meaning,
    ...POLICIES.map((p) => o.policies[p].meaning),
    facts(ctx, o.policies[def.fractureSitePolicy].label, o.policies[eff.fractureSitePolicy].label, own('/fractureSitePolicy'), SETTING_SOURCES.fractureSitePolicy),
  ].join(' ');

  return (
    <Layout ctx={ctx} title={Object.keys(errors).length > 0 ? `${t.form.titlePrefix}: ${o.title}` : o.title}>
      <h1>{o.title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {props.saved ? <Notice ok>{o.saved}</Notice> : null}
      <p class="lead">{o.intro}</p>
      <p>{o.defaultsNote}</p>
      <p id="settings-changed">
        {settings.changedAt === null ? o.neverChanged : o.lastChanged(settings.changedBy?.displayName ?? o.someone, dateTime(ctx.lang, settings.changedAt))}
      </p>
      <section aria-labelledby="settings-form">
        <h2 id="settings-form">{o.formTitle}</h2>
        <form method="post" action="/admin/settings" novalidate>
          <Csrf token={props.csrf} />
          <Select
            t={t}
            name="fractureSitePolicy"
            label={o.fields.fractureSitePolicy.label}
            hint={policyHint}
            value={value('fractureSitePolicy', eff.fractureSitePolicy)}
            error={errors.fractureSitePolicy}
            options={POLICIES.map((p) => ({ value: p, label: o.policies[p].label }))}
          />
          {numberField('glucocorticoidTScoreThreshold')}
          {numberField('vertebralFractureMinT')}
          {numberField('overdueGraceDays')}
          {numberField('calciumOtherFoodMg')}
          <fieldset aria-describedby="calcium-hint">
            <legend>{o.fields.calciumPerServingMg.legend}</legend>
            <span class="hint" id="calcium-hint">
              {o.fields.calciumPerServingMg.meaning} {o.source(SETTING_SOURCES.calciumPerServingMg.section, SETTING_SOURCES.calciumPerServingMg.sources.join(', '))}
            </span>
            {SERVING_ITEMS.map((item) => {
              const name = servingField(item);
              const b = boundsOf(SERVING_SCHEMA[item].unwrap());
              const hint = `${boundsWords(ctx, b)} ${o.standard(shown(ctx, def.calciumPerServingMg[item]))} ${o.now(shown(ctx, eff.calciumPerServingMg[item]), own(`/calciumPerServingMg/${item}`))}`;
              return (
                <Field
                  key={item}
                  t={t}
                  name={name}
                  type="number"
                  label={o.items[item]}
                  hint={hint}
                  value={value(name, eff.calciumPerServingMg[item])}
                  min={b.min}
                  max={b.max}
                  step="any"
                  inputMode="decimal"
                  autocomplete="off"
                  error={errors[name]}
                />
              );
            })}
          </fieldset>
          {numberField('aidsCheckIntervalMonths')}
          {numberField('aidsCheckGrowthCm')}
          {numberField('resultsReleaseDays')}
          {numberField('expectedFracturesPerYear')}
          {numberField('shiftIdleMinutes')}
          <p class="actions">
            <button type="submit">{o.submit}</button>
          </p>
        </form>
      </section>
      {settings.history.length > 0 ? (
        <section aria-labelledby="settings-history">
          <h2 id="settings-history">{o.historyTitle}</h2>
          <p>{o.historyIntro}</p>
          <div class="table-scroll">
            <table class="stack">
              <thead>
                <tr>
                  <th scope="col">{o.historyWhen}</th>
                  <th scope="col">{o.historyWho}</th>
                  <th scope="col">{o.historyWhat}</th>
                </tr>
              </thead>
              <tbody>
                {settings.history.map((h, i) => (
                  <tr key={i}>
                    <th scope="row" data-label={o.historyWhen}>{dateTime(ctx.lang, h.changedAt)}</th>
                    <td data-label={o.historyWho}>{h.changedBy?.displayName ?? o.someone}</td>
                    <td data-label={o.historyWhat}>{h.overridden.length === 0 ? o.historyNothing : h.overridden.map((p) => settingWords(t, p)).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </Layout>
  );
}
