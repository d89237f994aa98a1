// Registered before each spec file's own hooks, so this afterAll runs after them all (hooks unwind
// as a stack): the file's browser is closed before its server stops.
import { afterAll } from 'vitest';
import { stopServer } from './browser.js';

afterAll(async () => {
  await stopServer();
});
