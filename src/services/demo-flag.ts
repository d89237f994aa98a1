// Whether demo data is loaded. Every page says so while it is; the flag lives in the store, so a
// seed run by another process shows up within a few seconds.
import type { Db } from '../store/db.js';
import { readMeta } from '../store/meta.repo.js';

const TTL_MS = 5_000;

export class DemoFlag {
  private value = false;
  private readAt = 0;
  private pending: Promise<boolean> | undefined;
  constructor(private readonly db: Db) {}

  async get(now = Date.now()): Promise<boolean> {
    if (now - this.readAt < TTL_MS) return this.value;
    this.pending ??= readMeta(this.db, 'demo')
      .then((v) => {
        this.value = v === 'true';
        this.readAt = Date.now();
        return this.value;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}
