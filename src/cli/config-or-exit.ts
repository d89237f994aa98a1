import { ConfigError, loadConfig, type Config } from '../config.js';

/** Loads the configuration, or prints every problem at once and returns undefined. */
export function configOrReport(): Config | undefined {
  try {
    return loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(e.message + '\n');
      return undefined;
    }
    throw e;
  }
}
