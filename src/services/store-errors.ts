// What the layers above the services may know of the store: the open store's type (main.ts opens it
// and hands it in) and what a database error means (an outage, a unique index, text that cannot be
// stored, whether it is the database's at all). The meaning is decided once, in store/errors.ts and
// store/faults.ts; the API maps it to problems and log lines without importing the store.
export type { Store } from '../store/db.js';
export { classifyFault, type Fault } from '../store/faults.js';
export { isDatabaseError, isUnstorableText, violatedUnique } from '../store/errors.js';
