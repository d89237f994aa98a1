// `botpad start`: start the server and stop it cleanly on SIGTERM/SIGINT, so PGlite flushes and
// releases its data directory. A second start on the same directory is refused with a clear message.
import { DataDirLockedError } from '../store/lock.js';
import { startServer } from '../main.js';
import { configOrReport } from './config-or-exit.js';

export async function runStart(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write(`botpad start takes no arguments (got: ${args.join(' ')}). Use PORT, HOST, BOTPAD_DATA_DIR or DATABASE_URL.\n`);
    return 1;
  }
  const config = configOrReport();
  if (!config) return 1;
  const say = (line: string) => void process.stdout.write(line + '\n');
  const t0 = performance.now();
  say(config.databaseUrl ? 'Starting Botpad on PostgreSQL…' : `Starting Botpad with the embedded database in ${config.dataDir}…`);
  let running;
  try {
    running = await startServer(config, { say });
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      process.stderr.write(e.message + '\n');
      return 1;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      process.stderr.write(`Port ${String(config.port)} on ${config.host} is already in use. Choose another with PORT=….\n`);
      return 1;
    }
    process.stderr.write(`Botpad could not start: ${(e as Error).message}\n`);
    return 1;
  }
  say(`Botpad is ready (${((performance.now() - t0) / 1000).toFixed(1)} s). Open ${running.url}`);
  if (config.demo) say('Demo mode: the sign-in page lists the demo accounts.');
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      say(`${signal} received: stopping Botpad…`);
      running
        .stop()
        .then(() => say('Botpad stopped cleanly.'))
        .catch((e: unknown) => process.stderr.write(`Error while stopping: ${(e as Error).message}\n`))
        .finally(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return 0;
}
