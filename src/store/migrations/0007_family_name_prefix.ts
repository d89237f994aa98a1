// Why: a Dutch surname's prefix (de, van der, in 't) changes place with the order of the name
// ("Anna de Vries", but "Vries, Anna de" in a list) and lists file people under the main word, so
// the prefix gets a column of its own. Names stored so far had it in front of the surname; they are
// split here by the same rule the application uses (src/core/names.ts, as it was when this was
// written: prefix words taken from the front while a word of the surname remains). The list order
// is a stored key, kept up to date by the database itself, ending in the id for paging. Likely
// duplicates are looked for by birth date before a record is made: that gets an index.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

const PREFIX_WORD = String.raw`(?:van|de|der|den|het|['’]t|['’]s|te|ten|ter|in|op|aan|uit|bij|onder|over|voor|la|le|les|du|des)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table patient add column family_name_prefix text
      check (family_name_prefix is null or length(family_name_prefix) between 1 and 40)`,
    `update patient p
        set family_name_prefix = lower(replace(regexp_replace(trim(s.m[1]), '\\s+', ' ', 'g'), '’', '''')),
            family_name = s.m[2]
       from (select id, regexp_match(trim(family_name), '^((?:${PREFIX_WORD.replace(/'/g, "''")}\\s+)+)(\\S.*)$', 'i') as m from patient) s
      where s.id = p.id and s.m is not null and length(trim(s.m[1])) <= 40`,
    `alter table patient add column sort_key text collate "C" not null
      generated always as (lower(family_name) || ' ' || lower(given_name) || ' ' || lower(coalesce(family_name_prefix, ''))) stored`,
    `create index patient_sort_idx on patient (sort_key, id)`,
    // The look for likely duplicates before a record is made starts from the birth date.
    `create index patient_birth_date_idx on patient (birth_date)`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
