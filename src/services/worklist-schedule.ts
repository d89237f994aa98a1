// The worklist's change of date: at start-up (a run missed while Botpad was down is done then) and
// whenever the Amsterdam date has changed since the last look, once a minute. The run itself is
// claimed in the database (worklist-derive.ts), so several processes, or a restart on the same day,
// re-derive the list once; it is audited as one batch entry.
import { randomUUID } from 'node:crypto';
import { todayNl } from '../schema/clock.js';
import type { Db } from '../store/db.js';
import type { Auditor } from './auditor.js';
import { runDaily, type RunResult } from './worklist-derive.js';

export interface DayRunner {
  /** Runs today's re-derivation now if nobody has (start-up, tests); resolves with what it did. */
  runNow(): Promise<RunResult>;
  stop(): Promise<void>;
}

export interface WorklistDaysOptions {
  db: Db;
  auditor: Auditor;
  log: { info(o: object, msg: string): void; error(o: object, msg: string): void };
  everyMs?: number;
  /** Today's date; the clock's by default. */
  today?: () => string;
}

export function startWorklistDays(o: WorklistDaysOptions): DayRunner {
  const runner = `${process.pid.toString()}-${randomUUID().slice(0, 8)}`;
  const today = o.today ?? (() => todayNl());
  let lastDate = '';
  let running: Promise<RunResult> | null = null;
  const runNow = (): Promise<RunResult> => {
    if (running) return running;
    const asOf = today();
    running = runDaily(o.db, asOf, runner, (r) =>
      o.auditor.allowed(o.db, {
        actor: null, meta: { requestId: null, clientIp: null }, action: 'worklist.rederive', resource: `worklist/${asOf}`,
        reason: `${r.patients.toString()} patients re-derived for ${asOf}, ${r.changed.toString()} items changed${r.failed.length > 0 ? `, ${r.failed.length.toString()} failed` : ''}`,
      }),
    )
      .then((r) => {
        // Another process holding the date may die before it finishes: until the run is done,
        // every tick asks again, and takes the run over once its claim has gone stale.
        if (r.done) lastDate = asOf;
        if (r.ran) o.log.info({ asOf, patients: r.patients, changed: r.changed, failed: r.failed.length }, 'worklist re-derived for the new day');
        if (r.failed.length > 0) o.log.error({ asOf, failed: r.failed }, 'worklist: some patients could not be derived');
        return r;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const tick = () => {
    if (today() === lastDate) return;
    runNow().catch((e: unknown) => o.log.error({ err: e }, 'worklist: the daily re-derivation failed; it is tried again in a minute'));
  };
  tick();
  const timer = setInterval(tick, o.everyMs ?? 60_000);
  timer.unref();
  return {
    runNow,
    async stop() {
      clearInterval(timer);
      if (running) await running.catch(() => undefined);
    },
  };
}
