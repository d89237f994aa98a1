// Every code of the core's patient guide and regimens that a patient can be shown has words in
// both catalogues (the catalogues type these lists loosely, as the codes come from the core).
import { describe, expect, it } from 'vitest';
import { DRUGS } from '../../core/case.schema.js';
import { CATALOGUE } from '../../core/medication/catalogue.js';
import { EXPECTED_EFFECTS, MISSED_DOSE_ADVICE, REPORT_SIGNS } from '../../core/medication/patient-guide.js';
import { nl } from '../i18n/nl.js';
import { en } from '../i18n/en.js';

describe('my medicines words', () => {
  it('has words in both languages for every code a patient can be shown', () => {
    const instructions = [...new Set(DRUGS.flatMap((d) => CATALOGUE[d].regimens.flatMap((r) => r.instructions)))];
    for (const m of [nl.myMedicines, en.myMedicines]) {
      for (const k of EXPECTED_EFFECTS) expect(m.expect[k], k).toBeTruthy();
      for (const k of REPORT_SIGNS) expect(m.report[k], k).toBeTruthy();
      for (const k of MISSED_DOSE_ADVICE) expect(m.missed[k], k).toBeTruthy();
      for (const k of instructions) expect(m.how[k], k).toBeTruthy();
    }
  });
});
