// What a phone-sized page looks like to the eye, measured in the browser: words split between two
// lines, content reaching past the right edge, and the height of the header. small-screen.spec.ts
// walks the pages with it; checks.spec.ts shows it can fail.
/// <reference lib="dom" />
import type { Page } from 'playwright-core';

export interface Finding {
  brokenWords: string[];
  /** The innermost elements reaching past the right edge, to name in a failure. */
  tooWide: string[];
  scrollWidth: number;
  innerWidth: number;
  headerHeight: number;
  innerHeight: number;
}

/**
 * Measures the open page. A word is broken when two of its letters (or digits) sit on different
 * lines: each character of a word that spans more than one line box is measured on its own, so a
 * break after a hyphen or a slash (where a line may end) is allowed and one between letters is not.
 * Text in an element marked to break anywhere (ids, addresses) and in code is left out.
 */
export function measure(page: Page): Promise<Finding> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const inWord = /[\p{L}\p{N}\p{M}]/u;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('.break-any, code, pre, script, style, .visually-hidden')) continue;
      const text = node.textContent ?? '';
      for (const m of text.matchAll(/\S+/g)) {
        const start = m.index;
        const word = m[0];
        range.setStart(node, start);
        range.setEnd(node, start + word.length);
        const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size < 2) continue;
        let prevTop: number | undefined;
        for (let i = 0; i < word.length; i++) {
          range.setStart(node, start + i);
          range.setEnd(node, start + i + 1);
          const r = Array.from(range.getClientRects()).find((x) => x.width > 0);
          if (!r) continue;
          const top = Math.round(r.top);
          if (prevTop !== undefined && top > prevTop + 2 && inWord.test(word[i - 1] ?? '') && inWord.test(word[i] ?? '')) {
            broken.push(`${word} (${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''})`);
            break;
          }
          prevTop = top;
        }
      }
    }
    const header = document.querySelector('header.site-header');
    const tooWide = Array.from(document.body.querySelectorAll('*'))
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !Array.from(e.children).some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5))
      .map((e) => `<${e.tagName.toLowerCase()}> "${(e.textContent ?? '').trim().slice(0, 40)}"`);
    // Text can reach past its own box (a word longer than the line): name its element too.
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      range.selectNodeContents(node);
      if (Array.from(range.getClientRects()).some((r) => r.right > window.innerWidth + 0.5)) tooWide.push(`text in <${node.parentElement?.tagName.toLowerCase() ?? '?'}> "${(node.textContent ?? '').trim().slice(0, 40)}"`);
    }
    return {
      brokenWords: broken,
      tooWide,
      scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
      innerWidth: window.innerWidth,
      headerHeight: header ? header.getBoundingClientRect().height : Infinity,
      innerHeight: window.innerHeight,
    };
  });
}
