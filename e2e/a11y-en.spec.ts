// The accessibility crawl in English (e2e/support/crawl.ts says what it checks).
import { crawl } from './support/crawl.js';

crawl('en', { phone: false });
