// Stage: children with severe multiple disabilities (EMB), clinical-rules.md §12; the rules and
// their sources are in children.rule.ts.
export * from './children.rule.js';
export * from './vitamin-d-reminder.js';
