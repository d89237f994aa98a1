// Stage: lifestyle, clinical-rules.md §11; the rules and their sources are in lifestyle.rule.ts.
export * from './lifestyle.rule.js';
