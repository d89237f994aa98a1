// A child's bone-health pages: the staff's overview (/patients/:id/child) with the forms of the day
// centre's physician and physiotherapist (profile, growth, fracture), the vitamin D page
// (/patients/:id/child/vitamin-d) where staff note a dose, and the parents' overview (/child/:id)
// with two big buttons for a dose. The core decides who may read (`record.read`), keep
// (`child.care`) and note (`child.log`); each form post is one use case of the facade.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  addChildFracture, addChildGrowth, addVitaminDDose, childProfileOf, readPatient, requestMeta, requireUser, saveChildProfile, type SessionUser,
} from '../../api/facade.js';
import type { ChildFractureInput } from '../../schema/child-profile.schema.js';
import { addDays } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import { queryFields, readForm, typedFromIso, type PageForm } from '../forms.js';
import { idParam, userOfMenuPage, type PageKit } from '../page-kit.js';
import type { PageContext } from '../components/Layout.js';
import { ParentChildPage, StaffChildPage, VitaminDPage, type FormState } from './child.page.js';
import { doseForm, fractureForm, growthForm, parentDoseForm, profileForm } from './child.forms.js';
import type { z } from 'zod';

const yesNo = (v: unknown) => (v === 'yes' ? true : v === 'no' ? false : undefined);

export function registerChildPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, send, page } = kit;
  const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');
  /** The staff's pages: a clinician's side; a parent is sent to their own overview. */
  const staff = (req: FastifyRequest): SessionUser => userOfMenuPage(req, '/patients');
  const ask = (req: FastifyRequest, u: SessionUser) => ({ actor: u.actor, meta: requestMeta(req), patientId: patientIdOf(req) });

  type Which = 'profile' | 'growth' | 'fracture';
  async function showStaff(req: FastifyRequest, reply: FastifyReply, u: SessionUser, o: { notice?: string; which?: Which; form?: FormState } = {}) {
    const ctx = await ctxOf(req, reply);
    const a = ask(req, u);
    const [patient, view] = await Promise.all([readPatient(deps(), u.actor, a.meta, a.patientId), childProfileOf(deps(), { ...a, lang: ctx.lang })]);
    const failed = o.form?.errors && Object.keys(o.form.errors).length > 0;
    const today = { values: { date: typedFromIso(todayNl()) } };
    return send(
      reply,
      <StaffChildPage
        ctx={ctx} patient={patient} view={view} csrf={reply.generateCsrf()} notice={o.notice}
        profile={o.which === 'profile' ? o.form : undefined}
        growth={o.which === 'growth' ? o.form : today}
        fracture={o.which === 'fracture' ? o.form : undefined}
      />,
      failed ? 400 : 200,
    );
  }

  fastify.get('/patients/:id/child', hidden, page(async (req, reply) => {
    const u = requireUser(req);
    if (u.actor.role === 'caregiver') return reply.redirect(`/child/${patientIdOf(req)}`, 303);
    const q = queryFields(req);
    const t = (await ctxOf(req, reply)).t.childProfile;
    const notice = { profile: t.saved, growth: t.growthSaved, fracture: t.fractureSaved }[q.notice as Which] as string | undefined;
    return showStaff(req, reply, staff(req), notice ? { notice } : {});
  }));

  /** One of the staff's forms: read, on a problem show the page again with it, else save and go back. */
  function staffPost<S extends z.ZodType>(path: string, which: Which, form: PageForm<S>, save: (req: FastifyRequest, u: SessionUser, data: z.output<S>) => Promise<void>) {
    fastify.post(path, formWith(form), page(async (req, reply) => {
      const u = staff(req);
      const ctx: PageContext = await ctxOf(req, reply);
      const r = readForm(req, ctx.t, form);
      if (!r.ok) return showStaff(req, reply, u, { which, form: { values: r.values, errors: r.errors } });
      await save(req, u, r.data);
      return reply.redirect(`/patients/${patientIdOf(req)}/child?notice=${which}#${which === 'fracture' ? 'fractures' : which}-title`, 303);
    }));
  }

  staffPost('/patients/:id/child/profile', 'profile', profileForm, async (req, u, d) => {
    const note = typeof d.note === 'string' && d.note !== '' ? d.note : undefined;
    const x = {
      mobility: d.mobility, indoorsMostly: yesNo(d.indoorsMostly), antiEpileptics: d.antiEpileptics, corticosteroids: yesNo(d.corticosteroids),
      feeding: d.feeding, fibreRich: yesNo(d.fibreRich), note,
    };
    await saveChildProfile(deps(), ask(req, u), Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined)) as Parameters<typeof saveChildProfile>[2]);
  });
  staffPost('/patients/:id/child/growth', 'growth', growthForm, async (req, u, d) => {
    await addChildGrowth(deps(), ask(req, u), { date: d.date, ...(d.weightKg !== undefined ? { weightKg: d.weightKg } : {}), ...(d.heightCm !== undefined ? { heightCm: d.heightCm } : {}) });
  });
  staffPost('/patients/:id/child/fractures', 'fracture', fractureForm, async (req, u, d) => {
    await addChildFracture(deps(), ask(req, u), { date: d.date, site: d.site as ChildFractureInput['site'], how: d.how });
  });

  async function showVitaminD(req: FastifyRequest, reply: FastifyReply, u: SessionUser, o: { saved?: boolean; form?: FormState } = {}) {
    const ctx = await ctxOf(req, reply);
    const a = ask(req, u);
    const [patient, view] = await Promise.all([readPatient(deps(), u.actor, a.meta, a.patientId), childProfileOf(deps(), { ...a, lang: ctx.lang })]);
    const failed = o.form?.errors && Object.keys(o.form.errors).length > 0;
    return send(
      reply,
      <VitaminDPage ctx={ctx} patient={patient} view={view} csrf={reply.generateCsrf()} saved={o.saved ?? false} form={o.form ?? { values: { date: typedFromIso(todayNl()) } }} />,
      failed ? 400 : 200,
    );
  }

  fastify.get('/patients/:id/child/vitamin-d', hidden, page(async (req, reply) => {
    const u = requireUser(req);
    if (u.actor.role === 'caregiver') return reply.redirect(`/child/${patientIdOf(req)}`, 303);
    return showVitaminD(req, reply, staff(req), { saved: queryFields(req).notice === 'saved' });
  }));

  fastify.post('/patients/:id/child/vitamin-d', formWith(doseForm), page(async (req, reply) => {
    const u = staff(req);
    const ctx = await ctxOf(req, reply);
    const r = readForm(req, ctx.t, doseForm);
    if (!r.ok) return showVitaminD(req, reply, u, { form: { values: r.values, errors: r.errors } });
    await addVitaminDDose(deps(), ask(req, u), { date: r.data.date, dose: r.data.dose });
    return reply.redirect(`/patients/${patientIdOf(req)}/child/vitamin-d?notice=saved`, 303);
  }));

  /** The parents' side: a caregiver (their menu has /care). */
  const parent = (req: FastifyRequest): SessionUser => userOfMenuPage(req, '/care');

  async function showParent(req: FastifyRequest, reply: FastifyReply, u: SessionUser, o: { saved?: boolean; form?: FormState } = {}) {
    const ctx = await ctxOf(req, reply);
    const view = await childProfileOf(deps(), { ...ask(req, u), lang: ctx.lang });
    const failed = o.form?.errors && Object.keys(o.form.errors).length > 0;
    return send(reply, <ParentChildPage ctx={ctx} view={view} csrf={reply.generateCsrf()} saved={o.saved ?? false} form={o.form} />, failed ? 400 : 200);
  }

  fastify.get('/child/:id', hidden, page(async (req, reply) => showParent(req, reply, parent(req), { saved: queryFields(req).notice === 'saved' })));

  fastify.post('/child/:id/vitamin-d', formWith(parentDoseForm), page(async (req, reply) => {
    const u = parent(req);
    const ctx = await ctxOf(req, reply);
    const r = readForm(req, ctx.t, parentDoseForm);
    if (!r.ok) return showParent(req, reply, u, { form: { values: r.values, errors: r.errors } });
    const today = todayNl();
    await addVitaminDDose(deps(), ask(req, u), { date: r.data.day === 'yesterday' ? addDays(today, -1) : today, dose: r.data.dose });
    return reply.redirect(`/child/${patientIdOf(req)}?notice=saved`, 303);
  }));
}
