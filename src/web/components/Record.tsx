// The frame of every clinician page about one patient: the patient banner (who this is, at a
// glance, staying at the top while the page scrolls), the record's sections as plain links (each its
// own address, so back and bookmarks work), and the parts the sections share: a dense table and an
// honest empty state. Nothing here needs JavaScript.
import type { ComponentChildren } from 'preact';
import { Layout, type PageContext } from './Layout.js';
import { stageLabel } from './Patient.js';
import { numericDate } from '../time-format.js';
import { fullName } from '../../core/names.js';
import { ageOn } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import type { Patient } from '../../schema/patient.schema.js';

// New sections go at the end, so the access keys clinicians have learnt keep their sections.
export const SECTIONS = ['overview', 'fractures', 'results', 'assessment', 'medication', 'contacts', 'letters', 'history', 'visits', 'notes'] as const;
export type Section = (typeof SECTIONS)[number];

/** A section's access key: 1 to 9 in the order shown, then 0 (the keys of one row of a keyboard). */
export function accessKeyOf(index: number): string {
  return String((index + 1) % 10);
}

/** Each section's own address; the overview is the record's address itself. */
export function sectionHref(patientId: string, section: Section): string {
  return section === 'overview' ? `/patients/${patientId}` : `/patients/${patientId}/${section}`;
}

/** An open alert on the record, shown in the banner as a counted chip. */
export interface BannerAlert {
  label: string;
  count: number;
  /** red for what blocks or is overdue, amber for what is due or asks for care. */
  tone: 'error' | 'warn';
}

/** What the banner shows of a patient: the personal details as the reader may see them (a BSN only for roles that may). */
export type BannerPatient = Pick<Patient, 'id' | 'givenName' | 'familyNamePrefix' | 'familyName' | 'birthDate' | 'sex' | 'pathwayStage'> & { bsn?: string | null };

export function Chip({ tone, children }: { tone: 'error' | 'warn' | 'ok' | 'plain'; children: ComponentChildren }) {
  // A shape as well as a colour: the chip is never told apart by colour alone.
  const shape = tone === 'error' ? '■' : tone === 'warn' ? '▲' : tone === 'ok' ? '●' : '○';
  return (
    <span class={`chip chip-${tone}`}>
      <span aria-hidden="true">{shape} </span>
      {children}
    </span>
  );
}

/** Who this is: name as people write it, sex, age in years, birth date dd-mm-jjjj, BSN where allowed, stage, open alerts. */
export function PatientBanner({ ctx, patient, alerts = [] }: { ctx: PageContext; patient: BannerPatient; alerts?: readonly BannerAlert[] }) {
  const t = ctx.t;
  const c = t.clinical;
  const f = t.patients.fields;
  const open = alerts.filter((a) => a.count > 0);
  return (
    <section class="patient-banner" aria-label={c.bannerLabel}>
      <p class="banner-name">{fullName(patient)}</p>
      <dl class="banner-facts">
        <div>
          <dt class="visually-hidden">{f.sex}</dt>
          <dd>{t.patients.sex[patient.sex]}</dd>
        </div>
        <div>
          <dt class="visually-hidden">{c.ageLabel}</dt>
          <dd>{c.age(ageOn(patient.birthDate.slice(0, 10), todayNl()))}</dd>
        </div>
        <div>
          <dt>{c.born}</dt>
          <dd class="num">{numericDate(patient.birthDate)}</dd>
        </div>
        {'bsn' in patient ? (
          <div>
            <dt>{c.bsn}</dt>
            <dd class="num">{patient.bsn ?? t.record.unknown}</dd>
          </div>
        ) : null}
        <div>
          <dt>{c.stage}</dt>
          <dd>{stageLabel(t, patient.pathwayStage)}</dd>
        </div>
        <div>
          <dt>{c.alerts}</dt>
          <dd>
            {open.length === 0 ? (
              c.noAlerts
            ) : (
              <ul class="chips">
                {open.map((a) => (
                  <li key={a.label}>
                    <Chip tone={a.tone}>{`${a.label}: ${String(a.count)}`}</Chip>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/**
 * The record's sections as one row of plain links, the current one marked. Each link also has an
 * access key (1 to 9, then 0, in the order shown), so a clinician who knows them jumps there at once; the
 * skip link, Enter and one Tab reach the first of them from any page.
 */
export function SectionNav({ ctx, patientId, current }: { ctx: PageContext; patientId: string; current: Section | null }) {
  const c = ctx.t.clinical;
  return (
    <nav class="section-nav" aria-label={c.sectionsLabel}>
      <ul>
        {SECTIONS.map((s, i) => (
          <li key={s}>
            <a href={sectionHref(patientId, s)} aria-current={s === current ? 'page' : undefined} accessKey={accessKeyOf(i)}>
              {c.sections[s]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A clinician's page about one patient: the banner and the sections above the page's own heading.
 * Patients and caregivers, who reach the record's overview and history too, get their own frame.
 * `heading` is the page's one h1 (a section's name, or the patient's name on the overview).
 */
export function RecordFrame(props: {
  ctx: PageContext;
  patient: BannerPatient;
  /** The section the page belongs to; null for a page of its own (the practice's therapy pages), where none is marked current. */
  section: Section | null;
  heading: string;
  /** The browser tab's title when it should differ from "heading – name" (an error prefix). */
  title?: string;
  alerts?: readonly BannerAlert[];
  children: ComponentChildren;
}) {
  const { ctx, patient } = props;
  const name = fullName(patient);
  const title = props.title ?? (props.heading === name ? name : ctx.t.clinical.sectionTitle(props.heading, name));
  // A patient reading her own record sees it on her side: no clinic banner, no links to the
  // clinic's sections, which are not hers to open.
  if (ctx.side === 'patient') {
    return (
      <Layout ctx={ctx} title={title}>
        <h1>{props.heading}</h1>
        {props.heading === name ? null : <p class="lead">{name}</p>}
        {props.children}
      </Layout>
    );
  }
  return (
    <Layout ctx={ctx} title={title}>
      <div class="record-head">
        <PatientBanner ctx={ctx} patient={patient} alerts={props.alerts ?? []} />
        <SectionNav ctx={ctx} patientId={patient.id} current={props.section} />
      </div>
      <h1>{props.heading}</h1>
      {props.children}
    </Layout>
  );
}

/** What a section shows when the record holds nothing of its kind yet: said plainly, never filled with examples. */
export function EmptyState({ children }: { children: ComponentChildren }) {
  return <p class="empty-state">{children}</p>;
}

export interface Column<R> {
  label: string;
  cell: (row: R) => ComponentChildren;
  /** Figures: right-aligned, tabular. */
  numeric?: boolean;
  /** The header's content when it is more than the label: a link that sorts the list by this column. */
  head?: ComponentChildren;
  /** The list is sorted by this column (aria-sort), so a screen reader hears the order too. */
  sorted?: 'ascending' | 'descending';
}

/**
 * A list as a table: a caption, the first column as the row's header, every cell labelled with
 * its column's name (on a phone each row becomes a block, each value under its column's name),
 * tabular figures. `rowClass`: a row's status (an entry marked as entered in error, say).
 */
export function DataTable<R>(props: {
  caption: string;
  /** Shown to screen readers only, when a heading above already says what the table is. */
  captionHidden?: boolean;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  rowClass?: (row: R) => string | undefined;
}) {
  const [first, ...rest] = props.columns;
  if (!first) return null;
  return (
    <div class="table-scroll">
      <table class="stack dense">
        <caption class={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.label} scope="col" class={c.numeric ? 'num' : undefined} aria-sort={c.sorted}>
                {c.head ?? c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={props.rowKey(r)} class={props.rowClass?.(r)}>
              <th scope="row" data-label={first.label} class={first.numeric ? 'num' : undefined}>
                {first.cell(r)}
              </th>
              {rest.map((c) => (
                <td key={c.label} data-label={c.label} class={c.numeric ? 'num' : undefined}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
