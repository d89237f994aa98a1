// Stage: access. Who may see and change which record (pure; see authorize.ts for the sources).
export * from './authorize.js';
