// "My plan" on the patient's side: what the patient can do (the core's advice in its own patient
// words, grouped by topic), the medicines in plain words, the agreement on exercise, what comes
// next, the agreements of the shared decision with the way to print them, and whom to call. No
// script; one main action (printing the agreements, or going back home when there are none).
import { patientMeasurementText } from '../measure-due/measure-due.section.js';
import type { ComponentChildren } from 'preact';
import { fullName } from '../../core/names.js';
import { lifestyleAdviceWords, type LifestyleReason } from '../../core/lifestyle/index.js';
import { num } from '../../core/text.js';
import type { Conclusion } from '../../core/rule.js';
import type { MyPlan, PlanCourse } from '../../api/facade.js';
import { DecisionAgreements } from '../decision/decision.page.js';
import { Layout, type PageContext } from '../components/Layout.js';
import { calendarDate } from '../time-format.js';
import type { Lang, Messages } from '../i18n/index.js';

type Topic = keyof Messages['myPlan']['topics'];

/** Which of the core's lifestyle advice belongs under which heading (calcium and vitamin D have rules of their own). */
const LIFESTYLE_TOPICS: Readonly<Record<Exclude<Topic, 'calcium' | 'vitaminD'>, readonly LifestyleReason[]>> = {
  movement: ['move-30-minutes', 'bone-loading', 'start-gently-after-fracture'],
  smoking: ['stop-smoking'],
  alcohol: ['alcohol-max-3', 'reduce-alcohol'],
  daylight: ['daylight'],
  falls: ['fall-prevention-home'],
};

const explained = (cs: readonly Conclusion[], codes: readonly string[]) => cs.filter((c) => codes.includes(c.code) && c.explanation.patient !== '');

/** The calcium a day against the target, as two bars: the figure and its words together. */
function CalciumBars({ t, lang, has, needs }: { t: Messages; lang: Lang; has: number; needs: number }) {
  const W = 600;
  const top = Math.max(has, needs) * 1.1;
  const x = (v: number) => Math.round((v / top) * W);
  const alt = t.myPlan.calciumFigure(num(has, lang), num(needs, lang));
  return (
    <figure class="calcium-bars">
      <svg viewBox={`0 0 ${String(W)} 70`} role="img" aria-labelledby="calcium-bars-title" xmlns="http://www.w3.org/2000/svg">
        <title id="calcium-bars-title">{alt}</title>
        <rect x="0" y="5" width={x(has)} height="25" fill={has >= needs ? '#cfe8cf' : '#f7e3a8'} stroke="#333" />
        <rect x="0" y="40" width={x(needs)} height="25" fill="none" stroke="#111" stroke-dasharray="6 4" />
      </svg>
      <figcaption>{alt}</figcaption>
    </figure>
  );
}

function SelfCare({ ctx, plan }: { ctx: PageContext; plan: MyPlan }) {
  const { t, lang } = ctx;
  const w = t.myPlan;
  const reasons = ((plan.conclusions.find((c) => c.code === 'lifestyle.advice')?.value ?? null) as { reasons: LifestyleReason[] } | null)?.reasons ?? [];
  const advice = (topic: keyof typeof LIFESTYLE_TOPICS) => LIFESTYLE_TOPICS[topic].filter((r) => reasons.includes(r)).map((r) => lifestyleAdviceWords(r, lang));
  const intake = plan.conclusions.find((c) => c.code === 'calcium.intake');
  const figures = (intake?.value ?? null) as { mgPerDay: number; target: number } | null;
  const calculator = `/questionnaires/${plan.patient.id}/calcium`;
  const part = (topic: Topic, body: ComponentChildren) => (
    <section key={topic} aria-labelledby={`topic-${topic}`}>
      <h3 id={`topic-${topic}`}>{w.topics[topic]}</h3>
      {body}
    </section>
  );
  const lines = (xs: readonly string[]) => xs.map((x) => <p key={x}>{x}</p>);
  const topics: ComponentChildren[] = [];
  const movement = advice('movement');
  if (movement.length > 0) topics.push(part('movement', lines(movement)));
  if (intake) {
    topics.push(part('calcium', (
      <>
        {figures ? <CalciumBars t={t} lang={lang} has={figures.mgPerDay} needs={figures.target} /> : null}
        {lines(explained(plan.conclusions, ['calcium.intake', 'calcium.supplement-advised']).map((c) => c.explanation.patient))}
        <p>
          {figures ? <>{w.calciumChange} </> : null}
          <a href={calculator}>{w.calciumCalculator}</a>
        </p>
      </>
    )));
  }
  const vitaminD = explained(plan.conclusions, ['vitamin-d.advice']);
  if (vitaminD.length > 0) topics.push(part('vitaminD', lines(vitaminD.map((c) => c.explanation.patient))));
  for (const topic of ['smoking', 'alcohol', 'daylight'] as const) {
    const said = advice(topic);
    if (said.length > 0) topics.push(part(topic, lines(said)));
  }
  const falls = [...advice('falls'), ...explained(plan.conclusions, ['fall-risk.level', 'fall-risk.inventory-needed', 'fear-of-falling.level']).map((c) => c.explanation.patient)];
  if (falls.length > 0) topics.push(part('falls', lines(falls)));
  return (
    <section aria-labelledby="self-title">
      <h2 id="self-title">{w.selfTitle}</h2>
      {topics}
    </section>
  );
}

function Course({ t, lang, k }: { t: Messages; lang: Lang; k: PlanCourse }) {
  const m = t.medicationPlan;
  const w = t.myPlan;
  const route = k.route ? (m.routes as Record<string, string>)[k.route] ?? k.route : null;
  const interval = k.interval ? m.intervals[k.interval] ?? k.interval : null;
  return (
    <li>
      <strong>{m.drugs[k.drug]}</strong>
      {k.dose && route && interval ? <>: {w.how(k.dose, route, interval)}</> : null}
      <br />
      {k.status === 'prescribed' ? w.startsOn(calendarDate(lang, k.start)) : w.since(calendarDate(lang, k.start))}
      {k.instructions.length > 0 ? (
        <>
          <br />
          {w.tips}
          <ul class="bullets">
            {k.instructions.map((i) => <li key={i}>{m.instructions[i] ?? i}</li>)}
          </ul>
        </>
      ) : null}
    </li>
  );
}

function Medicines({ ctx, plan }: { ctx: PageContext; plan: MyPlan }) {
  const { t, lang } = ctx;
  const w = t.myPlan;
  return (
    <section aria-labelledby="medicine-title">
      <h2 id="medicine-title">{w.medicineTitle}</h2>
      {plan.courses.length === 0 ? <p>{w.medicineNone}</p> : (
        <ul class="results">
          {plan.courses.map((k) => <Course key={`${k.drug}-${k.start}`} t={t} lang={lang} k={k} />)}
        </ul>
      )}
      {plan.planned.length > 0 ? (
        <>
          <h3>{w.plannedTitle}</h3>
          {plan.planned.map((p) => <p key={`${p.drug}-${p.from}`}>{w.planned(t.medicationPlan.drugs[p.drug], calendarDate(lang, p.from))}</p>)}
        </>
      ) : null}
    </section>
  );
}

function Ahead({ ctx, plan }: { ctx: PageContext; plan: MyPlan }) {
  const { t, lang } = ctx;
  const w = t.myPlan;
  const items = [
    ...plan.nextDoses.map((d) => ({ date: d.date, text: (d.late ? w.nextDoseLate : w.nextDose)(t.medicationPlan.drugs[d.drug], calendarDate(lang, d.date)) })),
    ...plan.checkUps.map((c) => ({ date: c.due, text: w.checkUp(w.checkUps[c.kind], calendarDate(lang, c.due), c.status) })),
    ...(plan.nextMeasurement ? [{ date: plan.nextMeasurement.due, text: patientMeasurementText(t, plan.nextMeasurement) }] : []),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return (
    <section aria-labelledby="ahead-title">
      <h2 id="ahead-title">{w.aheadTitle}</h2>
      {items.length === 0 ? <p>{w.aheadNone}</p> : (
        <ul class="bullets">
          {items.map((i) => <li key={i.text}>{i.text}</li>)}
        </ul>
      )}
    </section>
  );
}

function WhenSomethingHappens({ ctx, plan }: { ctx: PageContext; plan: MyPlan }) {
  const w = ctx.t.myPlan;
  const org = plan.organisation;
  const call = org?.phone ? w.callOrg(org.name, org.phone) : w.callNoPhone;
  return (
    <section aria-labelledby="when-title">
      <h2 id="when-title">{w.whenTitle}</h2>
      <ul class="bullets">
        <li>{w.when.fracture}</li>
        <li>{w.when.fall}</li>
        <li>{w.when.sideEffects}</li>
      </ul>
      <p>
        <strong>
          {org?.phone ? <a href={`tel:${org.phone.replace(/[^0-9+]/g, '')}`}>{call}</a> : call}
        </strong>
      </p>
      <p>
        <strong>{w.urgent}</strong>
      </p>
    </section>
  );
}

export function MyPlanPage({ ctx, plan, own }: { ctx: PageContext; plan: MyPlan; own: boolean }) {
  const { t } = ctx;
  const w = t.myPlan;
  const name = fullName(plan.patient);
  const title = own ? w.title : w.titleFor(name);
  const exercise = plan.decision?.agreements.exercise;
  const home = own ? '/me' : '/care';
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {own ? null : <p class="for-whom"><strong>{t.questionnaires.forWhom(name)}</strong></p>}
      <p class="lead">{w.intro}</p>
      <section aria-labelledby="agreements-title">
        <h2 id="agreements-title">{w.agreementsTitle}</h2>
        {plan.decision ? (
          <>
            <DecisionAgreements ctx={ctx} decision={plan.decision} heading="h3" />
            <p>
              <a class="button" href={`/plan/${plan.patient.id}/agreements.pdf`} type="application/pdf">{own ? w.download : w.downloadFor(name)}</a>
            </p>
          </>
        ) : <p>{w.agreementsNone}</p>}
      </section>
      <SelfCare ctx={ctx} plan={plan} />
      <section aria-labelledby="exercise-title">
        <h2 id="exercise-title">{w.exerciseTitle}</h2>
        <p>{exercise ?? w.exerciseNone}</p>
        <p><a href={`/exercise/${plan.patient.id}`}>{t.homeProgramme.link}</a></p>
      </section>
      <Medicines ctx={ctx} plan={plan} />
      <Ahead ctx={ctx} plan={plan} />
      <WhenSomethingHappens ctx={ctx} plan={plan} />
      <p>
        {plan.decision ? <a href={home}>{own ? w.backHome : w.backCare}</a> : <a class="button" href={home}>{own ? w.backHome : w.backCare}</a>}
      </p>
    </Layout>
  );
}
