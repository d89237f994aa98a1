// A browsable, accessible rendering of the OpenAPI 3.1 document: every route with its summary,
// input and responses, then the shared schemas. Server-rendered so it meets the same WCAG bar as
// the rest of Botpad and needs no script under the strict Content-Security-Policy.
import type { ComponentChildren } from 'preact';
import { Layout, type PageContext } from '../components/Layout.js';

interface OpenApiOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown; description?: string }[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApiDoc {
  paths?: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, unknown> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function slug(method: string, path: string): string {
  return `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function ApiDocsPage({ ctx, doc }: { ctx: PageContext; doc: unknown }) {
  const t = ctx.t.apiDocs;
  const d = doc as OpenApiDoc;
  const ops: { method: string; path: string; op: OpenApiOperation }[] = [];
  for (const [p, item] of Object.entries(d.paths ?? {})) {
    for (const m of METHODS) {
      const op = item[m];
      if (op) ops.push({ method: m, path: p, op });
    }
  }
  ops.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  return (
    <Layout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      <p class="lead break-any">{t.intro}</p>
      <p>
        <a class="button secondary" href="/api/openapi.json">
          {t.download}
        </a>
      </p>
      <h2>{t.routes}</h2>
      <div class="table-scroll">
        <table class="stack">
          <caption class="visually-hidden">{t.routes}</caption>
          <thead>
            <tr>
              <th scope="col">{t.method}</th>
              <th scope="col">{t.path}</th>
              <th scope="col">{t.summary}</th>
            </tr>
          </thead>
          <tbody>
            {ops.map(({ method, path, op }) => (
              <tr key={method + path}>
                <td data-label={t.method} class="method">{method.toUpperCase()}</td>
                <td data-label={t.path}>
                  <a href={`#${slug(method, path)}`}>
                    <code>{path}</code>
                  </a>
                </td>
                <td data-label={t.summary}>{op.summary ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ops.map(({ method, path, op }) => (
        <section key={'s' + method + path} aria-labelledby={slug(method, path)}>
          <h3 id={slug(method, path)} class="break-any">
            <span class="method">{method.toUpperCase()}</span> <code>{path}</code>
          </h3>
          {op.description ? <p>{withCode(op.description)}</p> : null}
          {op.parameters && op.parameters.length > 0 ? (
            <ul class="bullets break-any">
              {op.parameters.map((p) => (
                <li key={p.in + p.name}>
                  <code>{p.name}</code> ({p.in}
                  {p.required ? ', required' : ''}){p.description ? `: ${p.description}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          {op.requestBody?.content ? (
            <>
              <h4>{t.requestBody}</h4>
              {Object.entries(op.requestBody.content).map(([type, c]) => (
                <pre key={type} tabIndex={0} aria-label={`${t.requestBody}: ${type}`}>
                  {JSON.stringify(c.schema, null, 2)}
                </pre>
              ))}
            </>
          ) : null}
          <h4>{t.responses}</h4>
          <ul class="bullets break-any">
            {Object.entries(op.responses ?? {}).map(([code, r]) => (
              <li key={code}>
                <strong>{code}</strong> {r.description ?? ''}
                {r.content ? ` (${Object.keys(r.content).join(', ')})` : ''}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>{t.schemas}</h2>
      {Object.entries(d.components?.schemas ?? {}).map(([name, schema]) => (
        <section key={name} aria-labelledby={`schema-${name}`}>
          <h3 id={`schema-${name}`} class="break-any">{name}</h3>
          <pre tabIndex={0} aria-label={`${t.schemas}: ${name}`}>
            {JSON.stringify(schema, null, 2)}
          </pre>
        </section>
      ))}
    </Layout>
  );
}

/**
 * A description's `code` spans as code (addresses and field names may break anywhere on a narrow
 * screen; the words around them may not). Text without a closing backtick stays as it is.
 */
function withCode(text: string): ComponentChildren[] {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return [text];
  return parts.map((part, i) => (i % 2 === 1 ? <code key={i} class="break-any">{part}</code> : part));
}
