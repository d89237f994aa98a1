// Writes docs/rules.md from the rule registry. The test suite only compares, never writes, so a
// stale catalogue fails the build until this script is run on purpose.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRulesDoc } from '../src/core/rules-doc.js';

const target = fileURLToPath(new URL('../docs/rules.md', import.meta.url));
writeFileSync(target, renderRulesDoc());
process.stdout.write(`wrote ${target}\n`);
