// One Chromium per spec file (launching costs far more than a fresh context), always Debian's
// build: the harness must never download a browser.
/// <reference lib="dom" />
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { inject } from 'vitest';
import { startServer, type BotpadServer } from './server.js';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
}

let server: Promise<BotpadServer> | undefined;

/**
 * Base URL, without a trailing slash, of this spec file's own Botpad: started on the first call
 * (a file that never asks starts none), stopped by stopServer() after the file's last hook.
 */
export async function baseUrl(): Promise<string> {
  // On a copy of the demo database the global setup seeded (global-setup.ts).
  server ??= startServer({ copyOf: inject('e2eSeededDataDir') });
  return (await server).url;
}

/** Where this spec file's Botpad writes its mail: the outbox beside its data directory (BOTPAD_OUTBOX_DIR's default). */
export async function outboxDir(): Promise<string> {
  server ??= startServer({ copyOf: inject('e2eSeededDataDir') });
  return `${(await server).dataDir}.outbox`;
}

export async function stopServer(): Promise<void> {
  const s = server;
  server = undefined;
  // A server that failed to start has cleaned up after itself, and its error failed the test.
  if (s) await (await s.catch(() => undefined))?.stop();
}

/** A desktop-sized tab (1280 px, so 640 px is exactly 200 % zoom). */
export const DESKTOP = { width: 1280, height: 800 } as const;

export async function newContext(browser: Browser, opts: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: await baseUrl(), viewport: DESKTOP, ...opts });
  // Our pages are small and local: an element that is not there within seconds will not come, and
  // failing fast beats every broken page costing the full 30 s default. Seconds on a busy machine
  // with two spec files, two browsers and two servers on two cores are more than on a quiet one.
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}
