// The record's contacts and letters pages (/patients/:id/contacts, /patients/:id/letters): the
// follow-up with its contact form, the letters kept with the way to print each again, and the two
// letters written here. For the roles whose menu leads to /patients; every read and write is one
// audited use case, the same as the JSON API's.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError, followUp, jawRisk, letterPdf, listLetters, openClinicalRecord, readPatient, recordContact, requestMeta, writeLetter, type SessionUser,
} from '../../api/facade.js';
import { currentCourses } from '../../core/medication/courses.js';
import { todayNl } from '../../schema/clock.js';
import { idParam, isUuid, userOfMenuPage, type PageKit } from '../page-kit.js';
import { queryFields, readForm } from '../forms.js';
import type { FieldErrors } from '../components/Form.js';
import { Notice } from '../components/Form.js';
import { ContactsPage, type FormState, type SectionNotice, type SectionProps } from '../record/record.page.js';
import { AnyForm, checkContact, contactRefusal, type Values } from './follow-up.forms.js';
import { FollowUpSection, LettersPage } from './follow-up.page.js';

const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');
const clinician = (req: FastifyRequest): SessionUser => userOfMenuPage(req, '/patients');
const ask = (req: FastifyRequest, u: SessionUser) => ({ actor: u.actor, meta: requestMeta(req), patientId: patientIdOf(req) });

async function sectionProps(kit: PageKit, req: FastifyRequest, reply: FastifyReply, extra: { form?: FormState | undefined; notice?: SectionNotice | undefined } = {}): Promise<SectionProps> {
  const u = clinician(req);
  const ctx = await kit.ctxOf(req, reply);
  const a = ask(req, u);
  const patient = await readPatient(kit.deps(), u.actor, a.meta, a.patientId);
  const view = await openClinicalRecord(kit.deps(), { ...a, lang: ctx.lang, withErrors: true });
  return { ctx, patient, view, csrf: reply.generateCsrf(), form: extra.form, notice: extra.notice };
}

/**
 * The contacts page: the follow-up first, then the notes and the end of care (record.page.tsx).
 * The record slice renders it too, when one of its own forms on this page comes back.
 */
export async function contactsPage(
  kit: PageKit, req: FastifyRequest, reply: FastifyReply,
  extra: { form?: FormState | undefined; notice?: SectionNotice | undefined; contact?: { values: Values; errors: FieldErrors }; saved?: boolean } = {},
  status = 200,
) {
  const p = await sectionProps(kit, req, reply, extra);
  const u = clinician(req);
  const view = await followUp(kit.deps(), ask(req, u));
  const mayWrite = p.view.may.write && !p.view.careEnd;
  const section = <FollowUpSection t={p.ctx.t} patientId={p.patient.id} view={view} csrf={p.csrf} mayWrite={mayWrite} values={extra.contact?.values} errors={extra.contact?.errors} />;
  const saved = extra.saved ? <Notice ok>{p.ctx.t.followUp.form.saved}</Notice> : undefined;
  return kit.send(reply, <ContactsPage {...p} followUp={section} errors={extra.contact?.errors} saved={saved} />, status);
}

async function lettersPage(kit: PageKit, req: FastifyRequest, reply: FastifyReply, extra: { written?: boolean; refused?: string } = {}, status = 200) {
  const p = await sectionProps(kit, req, reply);
  const a = ask(req, clinician(req));
  const [letters, view] = await Promise.all([listLetters(kit.deps(), a), followUp(kit.deps(), a)]);
  const choices = { handover: view.handover, cardPossible: currentCourses(p.view.case).some((k) => jawRisk(k.med.drug)) };
  return kit.send(reply, <LettersPage {...p} letters={letters} choices={choices} written={extra.written ?? false} refused={extra.refused} />, status);
}

export function registerFollowUpPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, page } = kit;

  fastify.get('/patients/:id/contacts', hidden, page(async (req, reply) => {
    const notice = queryFields(req).notice;
    return contactsPage(kit, req, reply, notice === 'contact-added' ? { saved: true } : (['added', 'corrected', 'voided', 'care-ended'] as const).includes(notice as SectionNotice) ? { notice: notice as SectionNotice } : {});
  }));

  fastify.post('/patients/:id/contacts', formWith(AnyForm), page(async (req, reply) => {
    const u = clinician(req);
    const t = (await ctxOf(req, reply)).t;
    const values = readForm(req, t, AnyForm).values;
    const checked = checkContact(t, values, todayNl());
    if (!checked.ok) return contactsPage(kit, req, reply, { contact: { values, errors: checked.errors } }, 400);
    try {
      await recordContact(deps(), ask(req, u), checked.contact);
    } catch (e) {
      const errors = contactRefusal(t, e);
      if (!errors) throw e;
      return contactsPage(kit, req, reply, { contact: { values, errors } }, 400);
    }
    return reply.redirect(`/patients/${patientIdOf(req)}/contacts?notice=contact-added`, 303);
  }));

  fastify.get('/patients/:id/letters', hidden, page(async (req, reply) => lettersPage(kit, req, reply, { written: queryFields(req).notice === 'written' })));

  fastify.post('/patients/:id/letters', formWith(AnyForm), page(async (req, reply) => {
    const u = clinician(req);
    const t = (await ctxOf(req, reply)).t;
    const values = readForm(req, t, AnyForm).values;
    const kind = values.kind === 'gp-handover' || values.kind === 'dentist-card' ? values.kind : undefined;
    if (!kind) throw new AppError('not-found', 'There is no such letter.');
    const lang = values.lang === 'en' && kind === 'dentist-card' ? 'en' : 'nl';
    try {
      await writeLetter(deps(), ask(req, u), { kind, lang });
    } catch (e) {
      // The core changed its mind since the page was shown: say why, in words.
      if (e instanceof AppError && e.code === 'conflict') {
        const reasons = Array.isArray(e.extra?.['reasons']) ? (e.extra['reasons'] as string[]) : [];
        return lettersPage(kit, req, reply, { refused: reasons.map((r) => t.letters.reasons[r] ?? (kind === 'dentist-card' ? t.letters.cardNotYet : r)).join('; ') }, 409);
      }
      throw e;
    }
    return reply.redirect(`/patients/${patientIdOf(req)}/letters?notice=written`, 303);
  }));

  fastify.get('/patients/:id/letters/:letterId/pdf', hidden, page(async (req, reply) => {
    const u = clinician(req);
    const letterId = (req.params as { letterId?: string }).letterId ?? '';
    if (!isUuid(letterId)) throw new AppError('not-found', 'This record has no such letter.');
    const { letter, pdf } = await letterPdf(deps(), { ...ask(req, u), letterId });
    return reply.status(200).type('application/pdf').header('cache-control', 'no-store').header('content-language', letter.lang)
      .header('content-disposition', `inline; filename="botpad-${letter.kind}-${letter.writtenAt.slice(0, 10)}.pdf"`)
      .send(pdf);
  }));
}
