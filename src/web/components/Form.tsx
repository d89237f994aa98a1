// Form parts that get the accessibility wiring right once: a visible label for every input, the
// hint and the error tied to the input with aria-describedby, aria-invalid on a bad field, and an
// error summary whose links jump to the field (the field's id is its name, so "#email" works).
import type { ComponentChildren } from 'preact';
import type { Messages } from '../i18n/index.js';

/** Field name → the message to show for it, in the order the fields appear on the page. */
export type FieldErrors = Record<string, string>;

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/**
 * Every error of the form at once, each a link to its field. Focus moves here when the page loads
 * (autofocus on a box that takes focus only from script or the browser, tabindex -1), so a keyboard
 * or screen reader user starts at the list without any JavaScript; role="alert" announces it too.
 */
export function ErrorSummary({ t, errors }: { t: Messages; errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autofocus>
      <h2 id="error-summary-title">{t.form.errorTitle}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function describedBy(name: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Described(props: { t: Messages; name: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {props.hint ? (
        <span class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="field-error" id={`${props.name}-error`}>
          <span class="visually-hidden">{props.t.form.errorPrefix} </span>
          {props.error}
        </span>
      ) : null}
    </>
  );
}

/**
 * `optional`: true marks the field "(optional)", and then an empty field must be taken as absent;
 * a text names when it is needed after all ("required for a caregiver"), so no label says optional
 * of a field the form can demand.
 */
type Optional = boolean | string | undefined;

function LabelText(props: { t: Messages; label: string; optional?: Optional }) {
  return (
    <>
      {props.label}
      {props.optional ? <span class="hint-inline"> {typeof props.optional === 'string' ? props.optional : props.t.form.optional}</span> : null}
    </>
  );
}

export interface FieldProps {
  t: Messages;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'tel' | 'search' | 'number';
  value?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  autocomplete?: string;
  optional?: Optional;
  inputMode?: 'numeric' | 'decimal' | 'text' | 'email' | 'tel';
  spellcheck?: boolean;
  maxLength?: number;
  /** The first field of a form page: the cursor is there when the page opens (no script needed). */
  autofocus?: boolean;
  /** The id of a <datalist> of usual values (free text stays possible). */
  list?: string;
  /** A number's bounds and steps (type number); the server checks them either way. */
  min?: number;
  max?: number;
  step?: number | 'any';
}

// Preact types <input> by its `type`; one component serves several types, so the attributes are
// assembled as a plain record.
function inputAttrs(p: FieldProps): Record<string, unknown> {
  return {
    id: p.name,
    name: p.name,
    type: p.type ?? 'text',
    value: p.type === 'password' ? undefined : (p.value ?? ''),
    autocomplete: p.autocomplete,
    inputMode: p.inputMode,
    spellcheck: p.spellcheck,
    maxLength: p.maxLength,
    autofocus: p.autofocus,
    list: p.list,
    min: p.min,
    max: p.max,
    step: p.step,
    required: p.optional ? undefined : true,
    'aria-invalid': p.error ? 'true' : undefined,
    'aria-describedby': describedBy(p.name, p.hint, p.error),
  };
}

export function Field(p: FieldProps) {
  return (
    <div class="field">
      <label for={p.name}>
        <LabelText t={p.t} label={p.label} optional={p.optional} />
      </label>
      <Described t={p.t} name={p.name} hint={p.hint} error={p.error} />
      <input {...inputAttrs(p)} />
    </div>
  );
}

export function TextArea(p: Omit<FieldProps, 'type' | 'autocomplete' | 'inputMode'>) {
  return (
    <div class="field">
      <label for={p.name}>
        <LabelText t={p.t} label={p.label} optional={p.optional} />
      </label>
      <Described t={p.t} name={p.name} hint={p.hint} error={p.error} />
      <textarea
        id={p.name}
        name={p.name}
        rows={3}
        maxLength={p.maxLength}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.hint, p.error)}
      >
        {p.value ?? ''}
      </textarea>
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

/**
 * Radio buttons in a fieldset. The first radio carries the group's name as its id, so an error
 * summary link lands on the group.
 */
export function Radios(p: { t: Messages; name: string; legend: string; options: readonly Option[]; value?: string | undefined; hint?: string | undefined; error?: string | undefined }) {
  return (
    <fieldset aria-describedby={describedBy(p.name, p.hint, p.error)}>
      <legend>{p.legend}</legend>
      <Described t={p.t} name={p.name} hint={p.hint} error={p.error} />
      {p.options.map((o, i) => {
        const id = i === 0 ? p.name : `${p.name}-${o.value}`;
        return (
          <label key={o.value} class="choice" for={id}>
            <input
              type="radio"
              id={id}
              name={p.name}
              value={o.value}
              checked={p.value === o.value}
              aria-invalid={p.error ? 'true' : undefined}
            />
            {o.label}
          </label>
        );
      })}
    </fieldset>
  );
}

export function Select(p: {
  t: Messages;
  name: string;
  label: string;
  options: readonly Option[];
  value?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: Optional;
  blank?: string;
  autofocus?: boolean;
}) {
  return (
    <div class="field">
      <label for={p.name}>
        <LabelText t={p.t} label={p.label} optional={p.optional} />
      </label>
      <Described t={p.t} name={p.name} hint={p.hint} error={p.error} />
      <select id={p.name} name={p.name} autofocus={p.autofocus} aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy(p.name, p.hint, p.error)}>
        {p.blank !== undefined ? <option value="">{p.blank}</option> : null}
        {p.options.map((o) => (
          <option key={o.value} value={o.value} selected={p.value === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox(p: { t: Messages; name: string; label: string; checked?: boolean; error?: string | undefined }) {
  return (
    <div class="field">
      <Described t={p.t} name={p.name} error={p.error} />
      <label class="choice" for={p.name}>
        <input
          type="checkbox"
          id={p.name}
          name={p.name}
          value="yes"
          checked={p.checked}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={p.error ? `${p.name}-error` : undefined}
        />
        {p.label}
      </label>
    </div>
  );
}

export function Notice({ children, ok }: { children: ComponentChildren; ok?: boolean }) {
  return (
    <div class={ok ? 'notice ok' : 'notice'} role="status">
      {children}
    </div>
  );
}
