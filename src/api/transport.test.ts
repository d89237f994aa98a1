// The transport over real sockets: a request whose body never comes is answered 408 and closed,
// and what Node's parser or Fastify's router refuse before any route runs is a problem document too.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './testing/test-app.js';

/** Sends raw bytes and collects everything until the server closes (or `waitMs` passes). */
function raw(port: number, data: string, waitMs: number): Promise<{ text: string; closed: boolean; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => socket.write(data));
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('utf8'), closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => done(false), waitMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('close', () => done(true));
    socket.on('error', () => undefined);
  });
}

const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
const bodyOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { type: string; status: number };

describe('the HTTP transport', () => {
  let t: TestApp;
  let port = 0;
  beforeAll(async () => {
    t = await testApp('pglite', { BOTPAD_REQUEST_TIMEOUT_SECONDS: '1' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const a = t.app.server.address();
    port = typeof a === 'object' && a ? a.port : 0;
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a POST whose promised body never comes with 408 problem+json and closes it', async () => {
    const r = await raw(port, 'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n', 8_000);
    expect(r.closed).toBe(true);
    expect(statusOf(r.text)).toBe(408);
    expect(r.text).toMatch(/content-type: application\/problem\+json/i);
    expect(bodyOf(r.text).type).toBe('/problems/request-timeout');
    expect(r.ms).toBeLessThan(6_000);
  });

  it('answers a body sent a byte at a time, too slowly, with 408', async () => {
    const r = await new Promise<{ text: string }>((resolve) => {
      const chunks: Buffer[] = [];
      const s = net.connect(port, '127.0.0.1', () => {
        s.write('POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{');
        const drip = setInterval(() => s.write(' '), 300);
        s.on('close', () => {
          clearInterval(drip);
          resolve({ text: Buffer.concat(chunks).toString('utf8') });
        });
      });
      s.on('data', (c) => chunks.push(c));
      s.on('error', () => undefined);
    });
    expect(statusOf(r.text)).toBe(408);
  });

  it('answers oversized headers with 431 problem+json', async () => {
    const r = await raw(port, `GET /api/v1/info HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 5_000);
    expect(statusOf(r.text)).toBe(431);
    expect(r.text).toMatch(/content-type: application\/problem\+json/i);
    expect(bodyOf(r.text).status).toBe(431);
  });

  it('answers broken HTTP with 400 problem+json', async () => {
    const r = await raw(port, 'GET /api/v1/info HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n', 5_000);
    expect(statusOf(r.text)).toBe(400);
    expect(r.text).toMatch(/content-type: application\/problem\+json/i);
  });

  it('answers a bad escape in the path and an overlong path parameter with problem+json', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/patients/%E0%A4%A' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    const long = await t.app.inject({ method: 'GET', url: `/api/v1/patients/${'a'.repeat(300)}` });
    expect(long.statusCode).toBe(414);
    expect(long.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('still serves ordinary requests on the same server', async () => {
    const r = await raw(port, 'GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 5_000);
    expect(statusOf(r.text)).toBe(200);
  });
});
