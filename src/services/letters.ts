// The activation letter as a one-page A4 PDF (pdfmake, embedded Roboto). pdfmake is told never to
// fetch URLs and to read only its own font files (CVE-2026-26801). The letter carries the code and
// the steps; no health data.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (p: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

let pdfmake: PdfMake | undefined;

function engine(): PdfMake {
  if (pdfmake) return pdfmake;
  const pm = require('pdfmake') as PdfMake;
  const fonts = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };
  const fontDir = path.dirname(fonts.Roboto.normal ?? '');
  pm.setFonts(fonts);
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir + path.sep));
  pdfmake = pm;
  return pm;
}

export interface ActivationLetter {
  recipientName: string;
  patientName: string;
  kind: 'patient' | 'caregiver';
  code: string;
  expiresAt: string;
  siteUrl: string;
  organisationName: string | null;
  helpPhone: string;
}

function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}

export async function activationLetterPdf(l: ActivationLetter): Promise<Buffer> {
  const activate = new URL('/activate', l.siteUrl).toString();
  const forWhom =
    l.kind === 'patient'
      ? { nl: 'Met deze brief maakt u uw eigen account aan.', en: 'With this letter you set up your own account.' }
      : { nl: `Met deze brief maakt u een account aan om mee te kijken in het dossier van ${l.patientName}.`, en: `With this letter you set up an account to follow the record of ${l.patientName}.` };
  const doc = {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    info: { title: 'Botpad – activatiecode / activation code', author: l.organisationName ?? 'Botpad' },
    defaultStyle: { font: 'Roboto', fontSize: 12, lineHeight: 1.3 },
    content: [
      { text: l.organisationName ?? 'Botpad', style: 'org' },
      { text: `Aan: ${l.recipientName}`, margin: [0, 16, 0, 16] },
      { text: 'Uw account voor Botpad', style: 'h1' },
      { text: forWhom.nl },
      { text: 'Zo doet u het:', bold: true, margin: [0, 10, 0, 4] },
      {
        ol: [
          `Ga naar ${activate}`,
          'Typ de code hieronder over. Hoofdletters of kleine letters maakt niet uit.',
          'Kies een wachtwoord van minstens 10 tekens.',
        ],
      },
      { text: 'Uw code', bold: true, margin: [0, 14, 0, 4] },
      { text: l.code, style: 'code' },
      { text: `De code werkt één keer, tot ${formatDate(l.expiresAt, 'nl-NL')}.`, margin: [0, 4, 0, 0] },
      { text: `Lukt het niet? Bel ons: ${l.helpPhone}.`, margin: [0, 8, 0, 0] },
      { text: 'Your Botpad account', style: 'h1', margin: [0, 28, 0, 8] },
      { text: forWhom.en },
      {
        ol: [`Go to ${activate}`, 'Type in the code above. Capitals or small letters: both work.', 'Choose a password of at least 10 characters.'],
        margin: [0, 6, 0, 0],
      },
      { text: `The code works once, until ${formatDate(l.expiresAt, 'en-GB')}. Need help? Call ${l.helpPhone}.`, margin: [0, 6, 0, 0] },
      { text: 'Bewaar deze brief niet bij uw wachtwoord. / Do not keep this letter with your password.', style: 'small', margin: [0, 24, 0, 0] },
    ],
    styles: {
      org: { fontSize: 11, color: '#444444' },
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 8] },
      code: { fontSize: 26, bold: true, characterSpacing: 2 },
      small: { fontSize: 10, color: '#444444' },
    },
  };
  return engine().createPdf(doc).getBuffer();
}
