import { describe, expect, it } from 'vitest';
import { activationLetterPdf } from './letters.js';

describe('activation letter', () => {
  it('is a one-page A4 PDF', async () => {
    const pdf = await activationLetterPdf({
      recipientName: 'Anna de Vries', patientName: 'Anna de Vries', kind: 'patient', code: 'ABCD-EFGH-JKMN',
      expiresAt: '2026-12-23T10:00:00.000Z', siteUrl: 'http://127.0.0.1:3000', organisationName: 'Ziekenhuis', helpPhone: '088 123 45 67',
    });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
    expect(pdf.length).toBeGreaterThan(5_000);
  });
});
