// PGlite and node-postgres parse some types differently (a `date` becomes a Date at UTC midnight on
// one and local midnight on the other: a day-off bug under TZ=Europe/Amsterdam). Both drivers get
// these parsers so the same query returns identical values: dates and timestamps as ISO text,
// int8 as text (counts are cast ::int in SQL).
export const OID = { INT8: 20, DATE: 1082, TIMESTAMP: 1114, TIMESTAMPTZ: 1184 } as const;

const identity = (v: string): string => v;

/** Postgres text form `2026-11-23 15:04:05.123+00` → ISO 8601 `2026-11-23T15:04:05.123Z`. */
export function timestamptzToIso(v: string): string {
  const d = new Date(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
}

export const PARSERS: Record<number, (v: string) => unknown> = {
  [OID.INT8]: identity,
  [OID.DATE]: identity,
  [OID.TIMESTAMP]: identity,
  [OID.TIMESTAMPTZ]: timestamptzToIso,
};
