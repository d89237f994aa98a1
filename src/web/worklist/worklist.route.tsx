// The worklist page of the fracture liaison nurses and physicians: the same use case as
// GET /api/v1/worklist (each patient listed is authorised and audited there), and the row buttons,
// which acknowledge an alert or close a task or alert through the same use cases as the API and come
// back to the list as it was filtered.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError, ITEM_REFUSALS, acknowledgeItem, closeItem, colleagueNames, listWorklist, requestMeta, type ItemRefusal, type SessionUser, type WorklistPage as Listed,
} from '../../api/facade.js';
import { checkForm, localPath, queryFields, readForm, type FormResult } from '../forms.js';
import { decodeCursor, DEFAULT_PAGE_SIZE } from '../../schema/paging.js';
import { WorklistKey } from '../../schema/worklist.schema.js';
import { todayNl } from '../../schema/clock.js';
import { isUuid, userOfMenuPage, type PageKit } from '../page-kit.js';
import type { Messages } from '../i18n/index.js';
import { FILTER_FIELDS, FilterForm, ItemActionForm, type Filters } from './worklist.forms.js';
import { WorklistPage } from './worklist.page.js';
import type { z } from 'zod';

const NO_RESULTS: Pick<Listed, 'items' | 'counts' | 'nextCursor' | 'prevCursor' | 'total' | 'before'> = { items: [], counts: {}, nextCursor: null, prevCursor: null, total: 0, before: 0 };

const OWN_ORIGIN = 'https://botpad.invalid';

/** Where a row's button returns to: a page of the worklist (its filters and cursor), never elsewhere. */
export function worklistReturn(v: string | undefined): URL {
  const url = new URL(localPath(v), OWN_ORIGIN);
  if (url.pathname !== '/worklist') return new URL('/worklist', OWN_ORIGIN);
  url.searchParams.delete('notice');
  url.hash = '';
  return url;
}

const pathOf = (url: URL) => url.pathname + url.search;

function isRefusal(code: string | undefined): code is ItemRefusal {
  return (ITEM_REFUSALS as readonly (string | undefined)[]).includes(code);
}

export function registerWorklistPages(fastify: FastifyInstance, kit: PageKit): void {
  const { formWith, queryWith, deps, ctxOf, send, page } = kit;

  /** The list under the filters in `form`, on the page `cursor` names (a cursor of another order: the first page). */
  async function showList(
    req: FastifyRequest,
    reply: FastifyReply,
    u: SessionUser,
    form: FormResult<z.output<typeof FilterForm.schema>>,
    here: URL,
    extra: { notice?: 'acknowledged' | 'done' | undefined; refused?: (t: Messages) => string },
    status = 200,
  ) {
    const ctx = await ctxOf(req, reply);
    const filters: Filters = {};
    for (const f of FILTER_FIELDS) {
      const v = form.values[f]?.trim();
      if (v) filters[f] = v;
    }
    const common = { ctx, csrf: reply.generateCsrf(), today: todayNl(), filters, here: pathOf(here), refused: extra.refused?.(ctx.t), notice: extra.notice };
    if (!form.ok) return send(reply, <WorklistPage {...common} errors={form.errors} list={NO_RESULTS} names={new Map()} />, 400);
    const f = form.data;
    const sort = f.sort ?? 'due';
    const typed = here.searchParams.get('cursor') ?? undefined;
    const decoded = typed === undefined ? undefined : decodeCursor(typed, WorklistKey);
    const cursor = decoded && decoded.key[0] === sort ? decoded : undefined;
    const list = await listWorklist(deps(), u.actor, requestMeta(req), {
      step: f.step, overdue: f.overdue === undefined ? undefined : f.overdue === 'true', assignee: f.assignee === 'mine' ? u.actor.userId : undefined,
      site: f.site, ageBand: f.ageBand, q: f.q, sort, limit: DEFAULT_PAGE_SIZE, cursor,
    });
    const seenBy = list.items.flatMap((i) => (i.acknowledgedBy ? [i.acknowledgedBy] : []));
    const names = await colleagueNames(deps(), u.actor, seenBy);
    return send(reply, <WorklistPage {...common} list={list} names={names} />, status);
  }

  fastify.get(
    '/worklist',
    queryWith(FilterForm),
    page(async (req, reply) => {
      const u = userOfMenuPage(req, '/worklist');
      const ctx = await ctxOf(req, reply);
      const n = queryFields(req).notice;
      const notice = n === 'acknowledged' || n === 'done' ? n : undefined;
      return showList(req, reply, u, readForm(req, ctx.t, FilterForm), worklistReturn(req.url), { notice });
    }),
  );

  for (const action of ['acknowledge', 'done'] as const) {
    fastify.post(
      `/worklist/:itemId/${action}`,
      formWith(ItemActionForm),
      page(async (req, reply) => {
        const u = userOfMenuPage(req, '/worklist');
        const itemId = (req.params as { itemId?: string }).itemId ?? '';
        if (!isUuid(itemId)) throw new AppError('not-found', 'There is no such item on your worklist.');
        const ctx = await ctxOf(req, reply);
        const back = worklistReturn(readForm(req, ctx.t, ItemActionForm).values.return);
        try {
          if (action === 'acknowledge') await acknowledgeItem(deps(), u.actor, requestMeta(req), itemId);
          else await closeItem(deps(), u.actor, requestMeta(req), itemId);
        } catch (e) {
          const code = e instanceof AppError && e.code === 'conflict' ? e.errors[0]?.code : undefined;
          if (!isRefusal(code)) throw e;
          // The list again, as it was, with the reason in words: the item changed since the page was shown.
          const raw = Object.fromEntries(back.searchParams);
          const filter = checkForm(ctx.t, FilterForm, raw, raw);
          return showList(req, reply, u, filter, back, { refused: (t) => t.worklist.refused[code] ?? t.worklist.refusedOther }, 409);
        }
        const to = new URL(back);
        to.searchParams.set('notice', action === 'acknowledge' ? 'acknowledged' : 'done');
        return reply.redirect(pathOf(to), 303);
      }),
    );
  }
}

