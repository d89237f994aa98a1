// The accessibility crawl in Dutch (e2e/support/crawl.ts says what it checks), with the patient
// side on a 375 px phone.
import { crawl } from './support/crawl.js';

crawl('nl', { phone: true });
