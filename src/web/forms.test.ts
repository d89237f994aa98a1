// Where a browser is sent back to: never off the site, however the path is spelt.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localPath } from './forms.js';

const SITE = 'https://botpad.ziekenhuis.nl';
/** Where a browser on our site ends up when sent to `location` (the URL parser browsers use). */
const landsOn = (location: string) => new URL(location, `${SITE}/sign-in`).origin;

describe('localPath', () => {
  it('keeps our own paths, with their query and fragment', () => {
    expect(localPath('/patients/1?notice=created#top')).toBe('/patients/1?notice=created#top');
    expect(localPath('/admin/audit?from=01-01-2026')).toBe('/admin/audit?from=01-01-2026');
  });

  it.each([
    '/\t/attacker.example', '/\n/attacker.example', '/\r\n/attacker.example', '//attacker.example', '/\\attacker.example',
    '\\\\attacker.example', 'https://attacker.example/', '/%09/attacker.example'.replace('%09', '\t'), ' //attacker.example',
    'javascript:alert(1)', '/\u0000/x', '/\u0085/attacker.example', '//@attacker.example', '///attacker.example',
  ])('refuses %j', (v) => {
    expect(localPath(v)).toBe('/');
  });

  it('never sends a browser to another origin, whatever it is given', () => {
    const piece = fc.oneof(
      fc.constantFrom('/', '//', '\\', '\t', '\n', '\r', '@', ':', '.', '..', '%2F', '%5C', '%09', '?', '#', 'attacker.example', 'http:', 'https:', ' ', '\u0000', '\u3002'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((xs) => xs.join('')), (s) => {
        const out = localPath(s);
        expect(out.startsWith('/')).toBe(true);
        expect(landsOn(out)).toBe(SITE);
      }),
      { numRuns: 3000 },
    );
  });
});
