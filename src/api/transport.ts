// The HTTP transport's own limits and refusals. Node's parser refuses some requests before Fastify
// sees them (oversized headers, broken HTTP, a request that does not arrive in time), and Fastify's
// router refuses others before any route runs (a bad escape in the path, an overlong parameter).
// Each of them still gets a problem document, like every other error of the API.
import { STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problem, type ProblemCode } from '../schema/problem.js';
import { toProblem } from './problem-mapping.js';

const KEEP_ALIVE_MS = 72_000;

/** Timeouts of the server, from the configured request timeout (README: "The API"). */
export function timeouts(requestTimeoutSeconds: number) {
  const requestTimeout = requestTimeoutSeconds * 1000;
  return {
    // The whole request, headers and body, must arrive in this time: a body promised and never
    // sent (or sent a byte a minute) no longer holds a connection open.
    requestTimeout,
    // Headers come first and are small: a slow trickle of them is refused sooner.
    headersTimeout: Math.min(requestTimeout, 10_000),
    // An idle kept-alive connection is closed after this (Fastify's default, longer than the 60 s
    // idle time of common load balancers, so they close first and never reuse a closed one).
    keepAliveTimeout: KEEP_ALIVE_MS,
    // A connection on which nothing at all happens is closed: later than a request may take and
    // than a kept-alive connection may wait, so neither is cut short by it.
    connectionTimeout: Math.max(requestTimeout * 2, KEEP_ALIVE_MS + 10_000),
    // How often Node looks for requests past their time (its default, 30 s, would double them).
    connectionsCheckingInterval: 1_000,
  };
}

/** Node's parser errors that reach the 'clientError' event, by status. */
function clientProblem(err: NodeJS.ErrnoException): { code: ProblemCode; detail: string } {
  switch (err.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { code: 'request-timeout', detail: 'The request did not arrive in time: headers and body must be sent promptly.' };
    case 'HPE_HEADER_OVERFLOW':
      return { code: 'headers-too-large', detail: 'The request headers are larger than this server accepts.' };
    default:
      return { code: 'invalid-input', detail: 'The request is not valid HTTP.' };
  }
}

/** Fastify's `clientErrorHandler`: answers Node's parser errors with a problem document. */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  // When an answer has already begun on this connection, anything written now would corrupt it.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || inFlight?.headersSent === true) {
    socket.destroy(err);
    return;
  }
  const { code, detail } = clientProblem(err);
  const p = problem(code, detail);
  const body = JSON.stringify(p);
  socket.end(
    `HTTP/1.1 ${String(p.status)} ${STATUS_CODES[p.status] ?? ''}\r\n` +
      'Content-Type: application/problem+json\r\n' +
      `Content-Length: ${String(Buffer.byteLength(body))}\r\n` +
      'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
      body,
  );
}

/** Fastify's `frameworkErrors`: router refusals (bad escapes, overlong parameters) as problems. */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const p = toProblem(err, req.url.split('?')[0]);
  void reply.status(p.status).type('application/problem+json').send(JSON.stringify(p));
}

/** Applies the timeouts Fastify has no option for to the listening server. */
export function applyTimeouts(server: Server, t: ReturnType<typeof timeouts>): void {
  server.headersTimeout = t.headersTimeout;
}
