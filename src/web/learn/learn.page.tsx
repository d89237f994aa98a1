// The learn pages as a reader sees them: the list of pages by group, and one page with its
// sections, pictures and sources. Always in the patient side's large type, whoever reads (the
// exercise therapist shows them in an education session), one column, and printable on A4 without
// a script: the print stylesheet drops the frame and keeps every line whole.
import type { PageContext } from '../components/Layout.js';
import { Layout } from '../components/Layout.js';
import { numericDate } from '../time-format.js';
import { SOURCES, type Source } from '../../core/rule.js';
import type { LearnBlock, LearnPage } from './learn.types.js';
import { LEARN_PAGES } from './pages/index.js';
import { Picture, isPicture } from './pictures.js';

const GROUP_ORDER: readonly LearnPage['group'][] = ['bones', 'living', 'medicines', 'children'];

const isSource = (s: string): s is Source => (SOURCES as readonly string[]).includes(s);

export function LearnListPage({ ctx }: { ctx: PageContext }) {
  const t = ctx.t.learn;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={t.title}>
      <div class="learn">
        <h1>{t.title}</h1>
        <p class="lead">{t.intro}</p>
        {GROUP_ORDER.map((g) => {
          const pages = LEARN_PAGES.filter((p) => p.group === g);
          if (pages.length === 0) return null;
          return (
            <section key={g} aria-labelledby={`group-${g}`}>
              <h2 id={`group-${g}`}>{t.groups[g]}</h2>
              <ul class="learn-list">
                {pages.map((p) => (
                  <li key={p.slug}>
                    <a href={`/learn/${p.slug}`}>{p.title[lang]}</a>
                    <p>{p.summary[lang]}</p>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </Layout>
  );
}

function Block({ ctx, block, id }: { ctx: PageContext; block: LearnBlock; id: string }) {
  const lang = ctx.lang;
  switch (block.kind) {
    case 'p':
      return <p>{block.text[lang]}</p>;
    case 'list':
      return (
        <ul class="bullets">
          {block.items.map((item, i) => (
            <li key={i}>{item[lang]}</li>
          ))}
        </ul>
      );
    case 'picture':
      // An unknown picture is caught by the pages' test; a reader still gets the text alternative.
      return (
        <figure class="learn-figure">
          {isPicture(block.picture) ? <Picture name={block.picture} lang={lang} alt={block.alt[lang]} id={id} /> : <p>{block.alt[lang]}</p>}
          {block.caption ? <figcaption>{block.caption[lang]}</figcaption> : null}
        </figure>
      );
  }
}

export function LearnArticlePage({ ctx, page }: { ctx: PageContext; page: LearnPage }) {
  const t = ctx.t.learn;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={page.title[lang]}>
      <article class="learn" aria-labelledby="learn-title">
        <p class="learn-back screen-only">
          <a href="/learn">{t.backToList}</a>
        </p>
        <h1 id="learn-title">{page.title[lang]}</h1>
        <p class="lead">{page.summary[lang]}</p>
        <nav class="learn-contents screen-only" aria-labelledby="learn-contents">
          <h2 id="learn-contents">{t.contents}</h2>
          <ul>
            {page.sections.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.heading[lang]}</a>
              </li>
            ))}
          </ul>
        </nav>
        {page.sections.map((s) => (
          <section key={s.id} aria-labelledby={s.id}>
            <h2 id={s.id}>{s.heading[lang]}</h2>
            {s.blocks.map((b, i) => (
              <Block key={i} ctx={ctx} block={b} id={`pic-${s.id}-${String(i)}`} />
            ))}
          </section>
        ))}
        <footer class="learn-sources" aria-labelledby="learn-sources">
          <h2 id="learn-sources">{t.sources}</h2>
          <ul class="bullets">
            {page.sources.map((s) => (
              <li key={s}>{isSource(s) ? t.sourceNames[s] : s}</li>
            ))}
          </ul>
          <p>{t.checked(numericDate(page.checked))}</p>
        </footer>
      </article>
    </Layout>
  );
}
