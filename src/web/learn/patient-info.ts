// The learn page a conclusion points a patient to, when that page is published: the map in
// links.ts may name a page that is not there yet (a medicine's page), and a link must never lead
// to "page not found".
import { DRUGS, type Drug } from '../../core/case.schema.js';
import type { Lang } from '../i18n/index.js';
import { learnLinkFor, learnLinkForDrug } from './links.js';
import { learnPage } from './pages/index.js';

const isDrug = (v: unknown): v is Drug => typeof v === 'string' && (DRUGS as readonly string[]).includes(v);

export interface PatientInfo {
  href: string;
  /** The page's title, and the section's heading where the link names one. */
  label: string;
}

/** The published learn page for a conclusion (by the drug it is about, else by its code). */
export function patientInfoFor(c: { code: string; value: unknown }, lang: Lang): PatientInfo | undefined {
  const drug = c.value !== null && typeof c.value === 'object' ? (c.value as { drug?: unknown }).drug : undefined;
  const href = isDrug(drug) ? learnLinkForDrug(drug) : learnLinkFor(c.code);
  if (!href) return undefined;
  const [path = '', anchor] = href.split('#');
  const page = learnPage(path.replace(/^\/learn\//, ''));
  if (!page) return undefined;
  const section = anchor === undefined ? undefined : page.sections.find((s) => s.id === anchor);
  if (anchor !== undefined && !section) return undefined;
  return { href, label: section ? `${page.title[lang]}: ${section.heading[lang]}` : page.title[lang] };
}
