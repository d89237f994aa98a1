// The physiotherapist's intake and education session: closed lists, bounds and the falls levels of
// the intake's answers (docs/therapy-intake.md).
export * from './lists.js';
export * from './intake.js';
