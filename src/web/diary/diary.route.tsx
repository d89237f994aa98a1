// "My diary" (/diary/:id) for the patient themself and for a caregiver of theirs. The core decides
// who may write (`diary.write`) and read (`record.read`); a line is one form post.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addDiaryEntry, diaryOf, requestMeta, requireUser, type SessionUser } from '../../api/facade.js';
import { DiaryKey } from '../../schema/diary.schema.js';
import { decodeCursor } from '../../schema/paging.js';
import { todayNl } from '../../schema/clock.js';
import { queryFields, readForm, typedFromIso } from '../forms.js';
import { idParam, userOfMenuPage, type PageKit } from '../page-kit.js';
import type { FieldErrors } from '../components/Form.js';
import { DiaryPage } from './diary.page.js';
import { diaryForm } from './diary.forms.js';

/** Lines per page of the list under the chart. */
const LINES = 20;

/** The patient's side only: the patient (their menu has /me) or a caregiver (/care). */
function writer(req: FastifyRequest): SessionUser {
  const u = requireUser(req);
  return userOfMenuPage(req, u.actor.role === 'caregiver' ? '/care' : '/me');
}

export function registerDiaryPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, send, page } = kit;
  const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');

  async function show(req: FastifyRequest, reply: FastifyReply, u: SessionUser, o: { values?: Record<string, string>; errors?: FieldErrors; saved?: boolean; cursor?: string | undefined } = {}) {
    const patientId = patientIdOf(req);
    const cursor = o.cursor === undefined ? undefined : decodeCursor(o.cursor, DiaryKey);
    const view = await diaryOf(deps(), { actor: u.actor, meta: requestMeta(req), patientId, limit: LINES, cursor });
    const status = o.errors && Object.keys(o.errors).length > 0 ? 400 : 200;
    return send(
      reply,
      <DiaryPage
        ctx={await ctxOf(req, reply)} view={view} csrf={reply.generateCsrf()} own={u.actor.patientId === patientId}
        values={o.values ?? { date: typedFromIso(todayNl()) }} errors={o.errors} saved={o.saved} older={cursor !== undefined}
      />,
      status,
    );
  }

  fastify.get(
    '/diary/:id',
    hidden,
    page(async (req, reply) => {
      const u = writer(req);
      const q = queryFields(req);
      return show(req, reply, u, { saved: q.notice === 'saved', cursor: q.cursor });
    }),
  );

  fastify.post(
    '/diary/:id',
    formWith(diaryForm),
    page(async (req, reply) => {
      const u = writer(req);
      const ctx = await ctxOf(req, reply);
      const r = readForm(req, ctx.t, diaryForm);
      if (!r.ok) return show(req, reply, u, { values: r.values, errors: r.errors });
      const patientId = patientIdOf(req);
      const d = r.data as { date: string; activity: string; minutes: number; feeling: 'good' | 'ok' | 'hard'; pain: number; note?: string | undefined };
      await addDiaryEntry(deps(), { actor: u.actor, meta: requestMeta(req), patientId }, {
        date: d.date, activity: d.activity, minutes: d.minutes, feeling: d.feeling, pain: d.pain, ...(d.note !== undefined && d.note !== '' ? { note: d.note } : {}),
      });
      return reply.redirect(`/diary/${patientId}?notice=saved`, 303);
    }),
  );
}
