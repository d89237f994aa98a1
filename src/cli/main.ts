// `botpad <command>`: thin commands over the same services the server uses. Each command loads only
// what it needs, so `botpad evaluate` starts fast (no web server, no database).
const USAGE = `Usage: botpad <command> [options]

Commands:
  start                      Start Botpad (migrates the database; loads demo data on first start)
  migrate                    Apply pending database migrations and exit
  seed --demo                Load the demo organisations, accounts and patients
  seed --patients N [--seed S] [--as-of YYYY-MM-DD]
                             Add N synthetic patients with clinical records (for
                             benchmarks; loads the demo set first if it is not there)
  audit verify               Check the audit log's hash chain; names the first broken entry
  evaluate FILE|- [--lang nl|en] [--settings FILE]
                             Evaluate one case with the clinical rules; prints JSON
  help                       Show this text

Configuration comes from the environment: PORT, HOST, BOTPAD_DATA_DIR, DATABASE_URL, BOTPAD_DEMO,
BOTPAD_PUBLIC_URL, BOTPAD_LOG_LEVEL (see README).`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return (await import('./start.js')).runStart(rest);
    case 'migrate':
      return (await import('./db-commands.js')).runMigrate(rest);
    case 'seed':
      return (await import('./db-commands.js')).runSeed(rest);
    case 'evaluate':
      // bin/botpad.js normally runs the bundled dist/evaluate.mjs instead; this is the same code.
      return (await import('./evaluate-main.js')).main(rest);
    case 'audit':
      return (await import('./db-commands.js')).runAudit(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE + '\n');
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
      return 1;
  }
}
