// A conclusion of the clinical core as a clinician reads it: its explanation, and one step away (a
// <details>, no script) why: the rule and what it decides, the criteria met, not met and unknown,
// the values it used, what was missing and the sources it cites. Shared by the intake's answer and
// the assessment, so both say why in the same words.
import type { Conclusion, Severity } from '../../core/rule.js';
import { ruleById } from '../../core/registry.js';
import { fieldName, num } from '../../core/text.js';
import { FRACTURE_SITES } from '../../core/case.schema.js';
import type { Lang, Messages } from '../i18n/index.js';
import { numericDate } from '../time-format.js';
import { Chip } from './Record.js';
import { patientInfoFor } from '../learn/patient-info.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A case path (or `derived.x`, `settings.x`) in the reader's words; the path itself where none are written. */
export function fieldWords(t: Messages, lang: Lang, path: string): string {
  return t.why.fieldNames[path] ?? fieldName(path, lang);
}

export function criterionWords(t: Messages, id: string): string {
  return t.why.criterionNames[id] ?? id;
}

const isSite = (v: unknown): v is (typeof FRACTURE_SITES)[number] => typeof v === 'string' && (FRACTURE_SITES as readonly string[]).includes(v);

/** A value the core used, as short text: dates as dd-mm-jjjj, yes/no in words, a fracture by its site and date. */
export function valueText(t: Messages, lang: Lang, v: unknown): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'boolean') return v ? t.why.yes : t.why.no;
  if (typeof v === 'number') return num(v, lang);
  if (typeof v === 'string') return ISO_DAY.test(v) ? numericDate(v) : v;
  if (Array.isArray(v)) return v.map((x) => valueText(t, lang, x)).join('; ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (isSite(o.site) && typeof o.date === 'string') {
      const energy = o.highEnergy === true ? t.why.highEnergy : o.highEnergy === false ? t.why.lowEnergy : undefined;
      return [t.clinical.sites[o.site], numericDate(o.date), energy, o.pathological === true ? t.why.pathological : undefined]
        .filter((x) => x !== undefined)
        .join(', ');
    }
    return Object.entries(o)
      .map(([k, x]) => `${k}: ${valueText(t, lang, x)}`)
      .join(', ');
  }
  return String(v as string | number);
}

const CRITERION_SHAPE = { met: '✓', 'not-met': '✗', unknown: '?' } as const;

/** How much a conclusion asks of the reader, in words and a shape as well as colour. */
export function SeverityChip({ t, severity }: { t: Messages; severity: Severity }) {
  const tone = severity === 'block' ? 'error' : severity === 'action' || severity === 'attention' ? 'warn' : 'plain';
  return <Chip tone={tone}>{t.assessment.severity[severity]}</Chip>;
}

/** The why of one conclusion, closed until asked for. `open`: shown opened (the intake's main answer). */
/** Whether the value at `path` (or the part of it asked for) is one the patient gave themself. */
export function fromPatient(patientPaths: readonly string[], path: string): boolean {
  return patientPaths.some((p) => path === p || path.startsWith(`${p}.`) || p.startsWith(`${path}.`));
}

/** The small words beside a value the patient gave: in words, not by colour. */
export function PatientMark({ t }: { t: Messages }) {
  return <span class="patient-mark"> ({t.why.fromPatient})</span>;
}

export function Why({ t, lang, c, open = false, patientPaths = [] }: { t: Messages; lang: Lang; c: Conclusion; open?: boolean; patientPaths?: readonly string[] }) {
  const w = t.why;
  const rule = ruleById(c.ruleId);
  const used = Object.entries(c.used);
  const byResult = (r: 'met' | 'not-met' | 'unknown') => c.criteria.filter((x) => x.result === r);
  // The page the patient reads about this conclusion: the same words the clinician can hand on.
  const info = patientInfoFor(c, lang);
  return (
    <details class="why" open={open}>
      <summary>
        {w.summary} <code>{c.ruleId}</code>
      </summary>
      <dl class="details why-facts">
        <div>
          <dt>{w.rule}</dt>
          <dd>
            <code>{c.ruleId}</code>
            {rule ? <> {rule.about.clinician[lang]}</> : null}
          </dd>
        </div>
        {c.criteria.length > 0 ? (
          <div>
            <dt>{w.criteria}</dt>
            <dd>
              <ul class="criteria">
                {(['met', 'not-met', 'unknown'] as const).flatMap((r) =>
                  byResult(r).map((x) => (
                    <li key={`${r}-${x.id}`} class={`criterion-${r}`}>
                      <span aria-hidden="true">{CRITERION_SHAPE[r]} </span>
                      <strong>{r === 'met' ? w.met : r === 'not-met' ? w.notMet : w.unknown}</strong>: {criterionWords(t, x.id)}
                    </li>
                  )),
                )}
              </ul>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{w.used}</dt>
          <dd>
            {used.length === 0 ? (
              w.noneUsed
            ) : (
              <ul class="used">
                {used.map(([path, v]) => (
                  <li key={path}>
                    {fieldWords(t, lang, path)}: <span class="num">{valueText(t, lang, v)}</span>
                    {fromPatient(patientPaths, path) ? <PatientMark t={t} /> : null}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{w.missing}</dt>
          <dd>{c.missing.length === 0 ? w.noneMissing : c.missing.map((p) => fieldWords(t, lang, p)).join(', ')}</dd>
        </div>
        <div>
          <dt>{w.sources}</dt>
          <dd>{c.source.join(', ')}</dd>
        </div>
        {info ? (
          <div>
            <dt>{t.learn.patientInfo}</dt>
            <dd>
              <a href={info.href}>{info.label}</a>
            </dd>
          </div>
        ) : null}
      </dl>
    </details>
  );
}

/** One conclusion: how much it asks, the clinician's explanation, and its why one step away. */
export function ConclusionItem({ t, lang, c, patientPaths }: { t: Messages; lang: Lang; c: Conclusion; patientPaths?: readonly string[] }) {
  return (
    <li class="conclusion">
      <p>
        <SeverityChip t={t} severity={c.severity} /> {c.explanation.clinician}
      </p>
      <Why t={t} lang={lang} c={c} {...(patientPaths ? { patientPaths } : {})} />
    </li>
  );
}
