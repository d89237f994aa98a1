// Database faults that are an outage, not a bug: the server is gone, restarting or shutting down,
// the connection broke, or the disk is full. Each is recognised here, once, from what the drivers
// (pg, PGlite) and Node actually raise, so that the HTTP layer answers 503 with the cause instead
// of a 500, and readiness can say why the process cannot do its work.

export type FaultKind = 'unreachable' | 'disk-full';

export interface Fault {
  kind: FaultKind;
  /** A short cause for people (operators, a load balancer's log); never addresses or data. */
  cause: string;
}

// Node's socket-level codes for "no server there" or "the connection broke".
const SOCKET_CODES: Record<string, string> = {
  ECONNREFUSED: 'the database refused the connection',
  ECONNRESET: 'the connection to the database was reset',
  EPIPE: 'the connection to the database was broken',
  ETIMEDOUT: 'the connection to the database timed out',
  EHOSTUNREACH: 'the database host cannot be reached',
  ENETUNREACH: 'the database network cannot be reached',
  ENOTFOUND: 'the database host name is not known',
  EAI_AGAIN: 'the database host name cannot be looked up',
};

// SQLSTATEs outside class 08 that mean "this server cannot serve you now".
const SERVER_STATES: Record<string, string> = {
  '57P01': 'the database server is shutting down',
  '57P02': 'the database server crashed and is restarting',
  '57P03': 'the database server is starting up or shutting down',
  '53300': 'the database server has no connection slots left',
};

// What pg and pg-pool say (plain Errors without a code) when a connection ended or never came.
const DRIVER_MESSAGES: [RegExp, string][] = [
  [/^Connection terminated/, 'the connection to the database ended'],
  [/timeout exceeded when trying to connect/, 'no database connection became free in time'],
  [/is not queryable/, 'the connection to the database had failed'],
  [/^Client was closed/, 'the connection to the database had been closed'],
];

const DISK_FULL = 'the database disk is full';
// ENOSPC from Node is a file Botpad writes itself (the mail outbox): the database, PGlite included,
// reports its own full disk as 53100.
const SERVER_DISK_FULL = "the server's disk is full";

function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The outage behind an error (or its cause chain), or undefined when it is something else. */
export function classifyFault(err: unknown): Fault | undefined {
  for (let e = err, depth = 0; e !== null && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = errorCode(e);
    if (code === '53100') return { kind: 'disk-full', cause: DISK_FULL };
    if (code === 'ENOSPC' || code === 'EDQUOT') return { kind: 'disk-full', cause: SERVER_DISK_FULL };
    if (code !== undefined) {
      // A Unix-domain socket that is not there (the server is down) is ENOENT on connect; other
      // ENOENTs are missing files, not database faults.
      if (code === 'ENOENT' && (e as { syscall?: unknown }).syscall === 'connect') {
        return { kind: 'unreachable', cause: 'the database socket is not there' };
      }
      const socket = SOCKET_CODES[code];
      if (socket) return { kind: 'unreachable', cause: socket };
      const server = SERVER_STATES[code];
      if (server) return { kind: 'unreachable', cause: server };
      if (/^08[0-9A-Z]{3}$/.test(code)) return { kind: 'unreachable', cause: 'the connection to the database failed' };
    }
    // A refused connection to a host with several addresses comes as an AggregateError.
    if (e instanceof AggregateError) {
      for (const inner of e.errors) {
        const f = classifyFault(inner);
        if (f) return f;
      }
    }
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string') {
      for (const [re, cause] of DRIVER_MESSAGES) if (re.test(message)) return { kind: 'unreachable', cause };
    }
  }
  return undefined;
}

/** How long a disk-full error keeps readiness down before a successful write is asked for again. */
export const DISK_FULL_MEMORY_MS = 60_000;

/**
 * What the store has seen go wrong lately. Only a full disk needs remembering: an unreachable
 * server shows itself to every ping, but a full disk lets reads through and fails writes only.
 */
export class FaultMemory {
  private diskFullAt = 0;

  /** Records an error if it is a full disk; anything else is ignored. */
  note(err: unknown, now = Date.now()): void {
    if (classifyFault(err)?.kind === 'disk-full') this.diskFullAt = now;
  }

  /** A write went through: whatever filled the disk has been dealt with. */
  wrote(): void {
    this.diskFullAt = 0;
  }

  /** The disk-full fault, while it is recent. */
  diskFull(now = Date.now()): Fault | undefined {
    return this.diskFullAt > 0 && now - this.diskFullAt < DISK_FULL_MEMORY_MS ? { kind: 'disk-full', cause: DISK_FULL } : undefined;
  }
}

// A write that went through: what clears a remembered disk-full error. (Not a commit: a commit of
// reads alone writes nothing.)
const WRITE = /^\s*(insert|update|delete)\b/i;

export function isWrite(sqlText: string): boolean {
  return WRITE.test(sqlText);
}
