// The one CSV writer lives with the shapes at the edge (src/schema/csv.ts), so the API's exports
// and the pages' downloads share it; the pages keep importing it from here.
export * from '../schema/csv.js';
