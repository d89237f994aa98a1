// Pages anyone may open without signing in: home, help, the accessibility statement, errors.
import { Layout, type PageContext } from '../components/Layout.js';

export function HomePage({ ctx }: { ctx: PageContext }) {
  const t = ctx.t.home;
  return (
    <Layout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <div class="cards">
        <section class="card" aria-labelledby="for-patients">
          <h2 id="for-patients">{t.forPatients}</h2>
          <p>{t.forPatientsText}</p>
        </section>
        <section class="card" aria-labelledby="learn-about-bones">
          <h2 id="learn-about-bones">{ctx.t.learn.homeTitle}</h2>
          <p>{ctx.t.learn.homeText}</p>
          <p>
            <a href="/learn">{ctx.t.learn.homeLink}</a>
          </p>
        </section>
        <section class="card" aria-labelledby="for-clinicians">
          <h2 id="for-clinicians">{t.forClinicians}</h2>
          <p>{t.forCliniciansText}</p>
        </section>
      </div>
      <p class="actions">
        <a class="button" href="/help">
          {t.learnMore}
        </a>
      </p>
    </Layout>
  );
}

export function HelpPage({ ctx }: { ctx: PageContext }) {
  const t = ctx.t.help;
  return (
    <Layout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {t.questions.map((item, i) => (
        <section key={i} aria-labelledby={`q${String(i)}`}>
          <h2 id={`q${String(i)}`}>{item.q}</h2>
          <p>{item.a}</p>
        </section>
      ))}
    </Layout>
  );
}

export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  const t = ctx.t.a11y;
  return (
    <Layout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <h2>{t.standardTitle}</h2>
      <p>{t.standard}</p>
      <h2>{t.whatTitle}</h2>
      <ul class="bullets">
        {t.what.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
      <h2>{t.knownTitle}</h2>
      <p>{t.known}</p>
      <h2>{t.contactTitle}</h2>
      <p>{t.contact(ctx.helpPhone)}</p>
      <p class="muted">{t.updated}</p>
    </Layout>
  );
}

export function ErrorPage({ ctx, kind }: { ctx: PageContext; kind: 'not-found' | 'server' | 'forbidden' }) {
  const e = ctx.t.errors;
  const [title, text] =
    kind === 'not-found' ? [e.notFoundTitle, e.notFound] : kind === 'forbidden' ? [e.forbiddenTitle, e.forbidden] : [e.serverTitle, e.server];
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p class="actions">
        <a class="button" href="/">
          {e.back}
        </a>
      </p>
    </Layout>
  );
}
