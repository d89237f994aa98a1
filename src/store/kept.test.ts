// A kept form is handed back once, to its own author, before it expires: on both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore, STORE_KINDS } from './testing/stores.js';
import type { Store } from './db.js';
import { insertUser } from './accounts.repo.js';
import { insertKeptForm, takeKeptForm } from './kept.repo.js';

describe.each(STORE_KINDS)('kept forms on %s', (kind) => {
  let store: Store;
  let author = '';
  let other = '';
  beforeAll(async () => {
    store = await freshStore(kind);
    const org = (await store.db.insertInto('organisation').values({ kind: 'hospital', name: 'H', phone: null }).returning('id').executeTakeFirstOrThrow()).id;
    const user = (email: string) => insertUser(store.db, { role: 'nurse', organisationId: org, patientId: null, email, displayName: email, passwordHash: null, status: 'active' });
    author = await user('author@kept.test');
    other = await user('other@kept.test');
  });
  afterAll(async () => {
    await store.close();
  });

  it('gives the fields back to their author once, and to nobody else', async () => {
    const pairs: [string, string][] = [['familyName', 'Één "quote"'], ['note', 'a\nb'], ['familyName', 'twice']];
    await insertKeptForm(store.db, 'ref-1', author, '/patients/new', pairs, 60);
    expect(await takeKeptForm(store.db, 'ref-1', other)).toBeUndefined();
    expect(await takeKeptForm(store.db, 'ref-1', author)).toEqual({ action: '/patients/new', pairs });
    expect(await takeKeptForm(store.db, 'ref-1', author)).toBeUndefined();
  });

  it('forgets what nobody came back for', async () => {
    await insertKeptForm(store.db, 'ref-old', author, '/patients/new', [['a', 'b']], -1);
    expect(await takeKeptForm(store.db, 'ref-old', author)).toBeUndefined();
    await insertKeptForm(store.db, 'ref-new', author, '/patients/new', [['a', 'b']], 60);
    expect((await store.db.selectFrom('kept_form').select('ref_hash').execute()).map((r) => r.ref_hash)).toEqual(['ref-new']);
  });
});
