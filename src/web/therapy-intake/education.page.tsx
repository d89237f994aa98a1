// The education session (clinician side): the topics on one screen, each with the learn pages that
// go with it (public, always in the patient side's large type, to read together) and two ticks,
// the day and a note; then the sessions kept, each with what was discussed and what the patient
// wants to know more about. No script.
import { EDUCATION_TOPICS, type EducationTopic } from '../../core/therapy-intake/index.js';
import type { EducationSessionsView, EducationView } from '../../api/facade.js';
import type { PageContext } from '../components/Layout.js';
import { Csrf, ErrorSummary, Field, Notice, TextArea, type FieldErrors } from '../components/Form.js';
import { DataTable, EmptyState } from '../components/Record.js';
import { learnPage } from '../learn/pages/index.js';
import { numericDate } from '../time-format.js';
import { TherapyFrame } from './therapy.frame.js';

/** The group of medicine pages in the list at /learn. */
const MEDICINES = '#group-medicines';

/**
 * The learn pages (and their sections) each topic is read with: `[slug, section id]`. There is no
 * learn page on measuring yet; its topic reads how much to move, which the measurements follow.
 */
export const TOPIC_PAGES: Record<EducationTopic, readonly (readonly [string, string?])[]> = {
  'what-is-osteoporosis': [['osteoporosis', 'what-is-osteoporosis']],
  'risk-factors': [['osteoporosis', 'bone-is-alive'], ['pathway', 'fracture-after-50']],
  'what-you-can-do': [['osteoporosis', 'what-you-can-do']],
  // The medicines: the list's group of medicine pages, one page per drug.
  'three-parts': [['moving'], ['food'], [MEDICINES]],
  'falls-and-fear': [['falls'], ['pain-and-fear', 'fear-of-falling']],
  posture: [['moving', 'take-care'], ['work', 'lifting']],
  measuring: [['moving', 'how-much']],
  'after-therapy': [['moving', 'after-a-fracture'], ['work', 'keep-going']],
};

/** A topic's learn links: the page's title, and the section's heading when the link goes to one. */
export function topicLinks(ctx: Pick<PageContext, 'lang' | 't'>, topic: EducationTopic): { href: string; label: string }[] {
  const { lang } = ctx;
  return TOPIC_PAGES[topic].flatMap(([slug, section]) => {
    if (slug === MEDICINES) return [{ href: `/learn${MEDICINES}`, label: ctx.t.learn.groups.medicines }];
    const page = learnPage(slug);
    if (!page) return [];
    const s = section === undefined ? undefined : page.sections.find((x) => x.id === section);
    return [{ href: `/learn/${slug}${s ? `#${s.id}` : ''}`, label: s ? `${page.title[lang]}: ${s.heading[lang]}` : page.title[lang] }];
  });
}

function Session({ ctx, s }: { ctx: PageContext; s: EducationView }) {
  const e = ctx.t.education;
  const yesNo = (b: boolean) => (b ? e.yes : e.no);
  return (
    <section aria-labelledby={`session-${s.id}`}>
      <h3 id={`session-${s.id}`}>{e.sessionTitle(numericDate(s.date))}</h3>
      <p>{e.by(s.recordedBy ?? '–', s.practice.name)}</p>
      <DataTable
        caption={e.sessionTitle(numericDate(s.date))} captionHidden rows={s.topics} rowKey={(x) => x.topic}
        columns={[
          { label: e.topic, cell: (x) => e.topics[x.topic] },
          { label: e.discussed, cell: (x) => yesNo(x.discussed) },
          { label: e.moreWanted, cell: (x) => yesNo(x.moreWanted) },
        ]}
      />
      {s.note ? <p>{`${e.note}: ${s.note}`}</p> : null}
    </section>
  );
}

function EducationForm({ ctx, patientId, csrf, values, errors }: { ctx: PageContext; patientId: string; csrf: string; values: Record<string, string>; errors: FieldErrors }) {
  const e = ctx.t.education;
  const first = `discussed-${EDUCATION_TOPICS[0]}`;
  return (
    <section aria-labelledby="form-title">
      <h2 id="form-title">{e.formTitle}</h2>
      <p>{e.intro}</p>
      <ErrorSummary t={ctx.t} errors={errors} />
      <form method="post" action={`/patients/${patientId}/therapy/education`} novalidate>
        <Csrf token={csrf} />
        {errors[first] ? <p class="field-error" id={`${first}-error`}><span class="visually-hidden">{ctx.t.form.errorPrefix} </span>{errors[first]}</p> : null}
        {EDUCATION_TOPICS.map((topic) => (
          <fieldset key={topic}>
            <legend>{e.topics[topic]}</legend>
            <ul>
              {topicLinks(ctx, topic).map((l) => <li key={l.href}><a href={l.href}>{e.read(l.label)}</a></li>)}
            </ul>
            {(['discussed', 'more'] as const).map((kind) => {
              const name = `${kind}-${topic}`;
              return (
                <label key={name} class="choice" for={name}>
                  <input type="checkbox" id={name} name={name} value="yes" checked={values[name] === 'yes'} aria-describedby={name === first && errors[first] ? `${first}-error` : undefined} />
                  {kind === 'discussed' ? e.discussed : e.moreWanted}
                </label>
              );
            })}
          </fieldset>
        ))}
        <Field t={ctx.t} name="date" label={e.date} value={values.date} error={errors.date} inputMode="numeric" autocomplete="off" />
        <TextArea t={ctx.t} name="note" label={e.note} value={values.note} error={errors.note} maxLength={2000} optional />
        <button type="submit">{e.save}</button>
      </form>
    </section>
  );
}

export function EducationPage(p: {
  ctx: PageContext; view: EducationSessionsView; canWrite: boolean; csrf: string; values: Record<string, string>; errors: FieldErrors; saved: boolean;
}) {
  const { ctx, view } = p;
  const e = ctx.t.education;
  const failed = Object.keys(p.errors).length > 0;
  return (
    <TherapyFrame ctx={ctx} patient={view.patient} heading={e.title} back={e.back} failed={failed}>
      {p.saved ? <Notice ok>{e.saved}</Notice> : null}
      {p.canWrite ? <EducationForm ctx={ctx} patientId={view.patient.id} csrf={p.csrf} values={p.values} errors={p.errors} /> : <p>{e.readOnly}</p>}
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{e.sessionsTitle}</h2>
        {view.items.length === 0 ? <EmptyState>{e.none}</EmptyState> : view.items.map((s) => <Session key={s.id} ctx={ctx} s={s} />)}
      </section>
    </TherapyFrame>
  );
}
