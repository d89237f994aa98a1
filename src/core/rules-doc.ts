// The rule catalogue as Markdown (docs/rules.md), built from the registry so the documentation can
// never drift from the rules: registry.test.ts compares the committed file with this output.
import type { Rule } from './rule.js';
import { STAGES } from './rule.js';
import { RULES, RULES_VERSION } from './registry.js';

const esc = (s: string) => s.replace(/\|/g, '\\|');

export function renderRulesDoc(rules: readonly Rule[] = RULES): string {
  const out: string[] = [
    '# Rule catalogue',
    '',
    `Generated from the rule registry (rules version ${RULES_VERSION}) by \`npm run rules:docs\`; do not edit by hand.`,
    'Each rule lists its id, stage, the codes it can conclude, the case paths and settings it reads',
    '(every path a conclusion reports under `used` or `missing` is one of these or lies below one), the',
    'values it derives and reports under `derived.`, the criteria each conclusion reports with',
    '`met`, `not-met` or `unknown`, its sources (short names from the clinical-rules specification)',
    'and what it decides, for the clinician and for the patient, in Dutch and English.',
    '',
    `${rules.length} rules.`,
    '',
  ];
  for (const stage of STAGES) {
    const inStage = rules.filter((r) => r.stage === stage);
    if (inStage.length === 0) continue;
    out.push(`## ${stage}`, '');
    for (const r of inStage) {
      out.push(
        `### \`${r.id}\``,
        '',
        '| | |',
        '|---|---|',
        `| Stage | ${r.stage} |`,
        `| Codes | ${r.codes.map((c) => `\`${c}\``).join(', ')} |`,
        `| Inputs | ${r.inputs.map((i) => `\`${esc(i)}\``).join(', ')} |`,
        `| Derived | ${r.derived.length === 0 ? '–' : r.derived.map((d) => `\`derived.${d}\``).join(', ')} |`,
        `| Criteria | ${r.criteria.length === 0 ? '–' : r.criteria.map((x) => `\`${esc(x)}\``).join(', ')} |`,
        `| Sources | ${r.source.map(esc).join(', ')} |`,
        '',
        `**Clinician (nl).** ${r.about.clinician.nl}`,
        '',
        `**Clinician (en).** ${r.about.clinician.en}`,
        '',
        `**Patient (nl).** ${r.about.patient.nl}`,
        '',
        `**Patient (en).** ${r.about.patient.en}`,
        '',
      );
    }
  }
  return out.join('\n');
}
