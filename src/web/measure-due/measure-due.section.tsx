// The next measurement of exercise therapy (clinical-rules.md §13 `measure.due`) where each reader
// looks: the practice's list of coming measurements on its start page (/referrals), the record's
// follow-up for the hospital's nurses, and the patient's plan in plain words. The dates are the
// core's; these parts only say them.
import { Chip, DataTable, EmptyState } from '../components/Record.js';
import type { PageContext } from '../components/Layout.js';
import type { Messages } from '../i18n/index.js';
import { numericDate } from '../time-format.js';
import type { MeasurementDueView, NextMeasurement, PracticeMeasurements } from '../../api/facade.js';

type Status = MeasurementDueView['status'];
const TONE = { planned: 'plain', due: 'warn', overdue: 'error' } as const;

export function MeasureStatusChip({ t, status }: { t: Messages; status: Status }) {
  return <Chip tone={TONE[status]}>{t.measureDue.status[status] ?? status}</Chip>;
}

/** The practice's worklist: each patient it took on with the date of the next measurement. */
export function PracticeMeasurementsSection({ ctx, list }: { ctx: PageContext; list: PracticeMeasurements }) {
  const t = ctx.t;
  const w = t.measureDue.practice;
  return (
    <section aria-labelledby="measurements-title">
      <h2 id="measurements-title">{w.title}</h2>
      <p>{w.intro}</p>
      {list.items.length === 0 ? <EmptyState>{w.none}</EmptyState> : (
        <>
          <DataTable
            caption={w.caption}
            captionHidden
            rows={list.items}
            rowKey={(x) => x.itemId}
            columns={[
              { label: w.columns.patient, cell: (x) => <a href={`/patients/${x.patientId}/therapy`}>{x.name}</a> },
              { label: w.columns.born, cell: (x) => numericDate(x.birthDate), numeric: true },
              { label: w.columns.due, cell: (x) => numericDate(x.due), numeric: true },
              { label: w.columns.status, cell: (x) => <MeasureStatusChip t={t} status={x.status} /> },
              { label: w.columns.note, cell: (x) => [x.first ? w.first : null, x.therapyEnded ? w.afterEnd : null].filter((s) => s !== null).join('; ') },
            ]}
          />
          {list.total > list.items.length ? <p>{w.more(String(list.items.length), String(list.total))}</p> : null}
        </>
      )}
    </section>
  );
}

/** The record's follow-up: the next measurement, for the hospital's nurses and physicians. */
export function RecordMeasurement({ t, next }: { t: Messages; next: NextMeasurement }) {
  const w = t.measureDue.record;
  return (
    <>
      <h2>{w.title}</h2>
      <p>
        {w.next(numericDate(next.due), t.measureDue.status[next.status] ?? next.status)} <MeasureStatusChip t={t} status={next.status} />
      </p>
      {next.therapyEnded !== null ? <p>{w.afterEnd(numericDate(next.therapyEnded))}</p> : null}
    </>
  );
}

/** The patient's words for the next measurement (B1), with the date as dd-mm-jjjj. */
export function patientMeasurementText(t: Messages, next: NextMeasurement): string {
  const w = t.measureDue.patient;
  const date = numericDate(next.due);
  return w[next.status](date) + (next.therapyEnded !== null ? ` ${w.afterEnd}` : '');
}
