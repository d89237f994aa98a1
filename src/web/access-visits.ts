// The access log as a reader takes it in: one line per person per visit instead of one per page.
// Presentation of the audit only; the audit itself keeps every single entry.

/** One audited read or write of the record, as the service hands it out. */
export interface AccessRead {
  at: string;
  action: string;
  role: string | null;
  who: string | null;
  organisation: string | null;
  userId: string | null;
}

/** One person's visit: what they did and how often, from the first to the last entry. */
export interface Visit {
  /** Same key, same person in the same role at the same organisation; null when nobody is known. */
  personKey: string | null;
  who: string | null;
  role: string | null;
  organisation: string | null;
  from: string;
  to: string;
  /** Each kind of action once, with how often it happened, in the order it first happened. */
  actions: { action: string; count: number }[];
}

/**
 * A read joins the visit when it comes at most 30 minutes after that person's read before it
 * (exactly 30:00 joins, anything later starts a new visit). Measured from the previous read, not
 * from the first, so a long consultation with a read every few minutes stays one line.
 */
export const VISIT_GAP_MS = 30 * 60 * 1000;

// Names are not unique, so the person is their account; the role and organisation are part of the
// key because the reader wants to know in which capacity someone looked.
function personKeyOf(r: AccessRead): string | null {
  return r.userId === null ? null : JSON.stringify([r.userId, r.organisation, r.role]);
}

const time = (iso: string): number => Date.parse(iso);

function visitOf(key: string | null, reads: readonly AccessRead[]): Visit {
  const first = reads[0];
  const last = reads[reads.length - 1];
  if (!first || !last) throw new Error('a visit has at least one read');
  const counts = new Map<string, number>();
  for (const r of reads) counts.set(r.action, (counts.get(r.action) ?? 0) + 1);
  return {
    personKey: key,
    who: first.who,
    role: first.role,
    organisation: first.organisation,
    from: first.at,
    to: last.at,
    actions: [...counts].map(([action, count]) => ({ action, count })),
  };
}

// A total order, so the result does not depend on the order the entries came in.
function byTimeThenAction(a: AccessRead, b: AccessRead): number {
  return time(a.at) - time(b.at) || (a.action < b.action ? -1 : a.action > b.action ? 1 : 0);
}

function newestFirst(a: Visit, b: Visit): number {
  const ka = JSON.stringify([a.personKey, a.who, a.role, a.organisation, a.actions]);
  const kb = JSON.stringify([b.personKey, b.who, b.role, b.organisation, b.actions]);
  return time(b.to) - time(a.to) || time(b.from) - time(a.from) || (ka < kb ? -1 : ka > kb ? 1 : 0);
}

/** Groups access-log entries into visits, newest first. */
export function groupVisits(entries: readonly AccessRead[]): Visit[] {
  const perPerson = new Map<string, AccessRead[]>();
  const visits: Visit[] = [];
  for (const e of entries) {
    const key = personKeyOf(e);
    // An entry without an account cannot be tied to a person, so it is never merged with another.
    if (key === null) visits.push(visitOf(null, [e]));
    else perPerson.set(key, [...(perPerson.get(key) ?? []), e]);
  }
  for (const [key, reads] of perPerson) {
    const sorted = [...reads].sort(byTimeThenAction);
    let current: AccessRead[] = [];
    for (const r of sorted) {
      const prev = current[current.length - 1];
      if (prev && time(r.at) - time(prev.at) > VISIT_GAP_MS) {
        visits.push(visitOf(key, current));
        current = [];
      }
      current.push(r);
    }
    visits.push(visitOf(key, current));
  }
  return visits.sort(newestFirst);
}
