import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Server-side render a full page; Preact escapes every interpolated value. */
export function renderPage(node: VNode): string {
  return '<!doctype html>' + renderToString(node);
}
