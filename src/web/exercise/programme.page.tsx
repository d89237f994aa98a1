// "My exercises" (/exercise/:id) on the patient's side, for the patient or a caregiver: the latest
// version of the exercise plan, each exercise with its steps, how much, how hard and how it builds
// up, in the same words as the printed programme; the one main action is printing it. No script.
import { homeProgrammeText, placesText, type HomeProgrammeView } from '../../api/facade.js';
import { Layout, type PageContext } from '../components/Layout.js';
import { numericDateTime } from '../time-format.js';

export function HomeProgrammePage({ ctx, view, own }: { ctx: PageContext; view: HomeProgrammeView; own: boolean }) {
  const t = ctx.t;
  const h = t.homeProgramme;
  const plan = view.plan;
  const blocks = plan ? homeProgrammeText({ lang: ctx.lang, places: plan.places, exercises: plan.exercises }) : [];
  return (
    <Layout ctx={ctx} title={h.title}>
      <h1>{h.title}</h1>
      <p class="for-whom"><strong>{h.forWhom(view.patient.name)}</strong></p>
      {plan ? (
        <>
          <p class="lead">{h.intro}</p>
          <p>
            <a class="button" href={`/exercise/${view.patient.id}/programme.pdf`} type="application/pdf">{h.print}</a>
          </p>
          <p>{placesText(ctx.lang, plan.places)}</p>
          <p class="hint">{h.version(plan.version, numericDateTime(plan.writtenAt))}</p>
          <ol class="exercise-list">
            {blocks.map((b, i) => (
              <li key={plan.exercises[i]?.code ?? String(i)}>
                <h2>{b.name}</h2>
                <h3>{h.steps}</h3>
                <ol>{b.steps.map((s) => <li key={s}>{s}</li>)}</ol>
                <p><strong>{b.how}</strong> {b.intensity}</p>
                <p>{`${h.build}: ${b.build}`}</p>
              </li>
            ))}
          </ol>
          {plan.note ? (
            <>
              <h2>{h.note}</h2>
              <p>{plan.note}</p>
            </>
          ) : null}
          <p><a href={`/diary/${view.patient.id}`}>{h.diary}</a></p>
        </>
      ) : <p class="lead">{h.none}</p>}
      <p>
        <a href={`/progress/${view.patient.id}`}>{t.progress.patient.link}</a>
      </p>
      <p>
        <a href={own ? '/me' : '/care'}>{h.home}</a>
      </p>
    </Layout>
  );
}
