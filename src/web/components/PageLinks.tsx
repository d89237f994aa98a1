// The links to other pages of a long list (previous, next, newest…): plain links in one `nav`,
// so a list never ends without saying there is more, and needs no script to go on.

export interface PageLink {
  href: string;
  text: string;
  /** `prev`/`next` for the page before or after this one. */
  rel?: 'prev' | 'next';
}

/** Nothing when there are no links: a list that fits on one page needs none. */
export function PageLinks({ label, links }: { label: string; links: readonly (PageLink | null)[] }) {
  const shown = links.filter((l): l is PageLink => l !== null);
  if (shown.length === 0) return null;
  return (
    <nav aria-label={label} class="pager">
      <ul>
        {shown.map((l, i) => (
          <li key={i}>
            <a href={l.href} rel={l.rel}>
              {l.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
