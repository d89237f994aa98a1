// Layer boundaries, checked inside the test command: dependencies point inward
// (web → api → services → core/store), the core is pure and imports nothing of ours.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core is pure clinical logic: only src/core and pure libraries (zod, temporal-polyfill).',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '\\.test\\.tsx?$|^src/core/testing/' },
      to: { pathNot: '^src/core/|^node_modules/(zod|temporal-polyfill)/' },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '\\.test\\.tsx?$|^src/core/testing/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'store-not-api',
      comment: 'The store knows nothing of HTTP, pages or use cases.',
      severity: 'error',
      from: { path: '^src/store/', pathNot: '\\.test\\.tsx?$|^src/store/testing/' },
      to: { path: '^src/(api|web|services|cli)/' },
    },
    {
      name: 'store-core-lists-only',
      comment: 'The store takes the closed lists (roles, kinds, relations) from the core for its table types, nothing else of it.',
      severity: 'error',
      from: { path: '^src/store/', pathNot: '\\.test\\.tsx?$|^src/store/testing/' },
      to: { path: '^src/core/', pathNot: '^src/core/(access|record|worklist|quality|referral)/lists\\.ts$' },
    },
    {
      name: 'services-not-outward',
      severity: 'error',
      from: { path: '^src/services/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/(api|web|cli)/' },
    },
    {
      name: 'api-not-web',
      comment: 'The API does not depend on pages; main.ts hands the HTML error renderer in.',
      severity: 'error',
      from: { path: '^src/api/', pathNot: '^src/api/testing/|\\.test\\.tsx?$' },
      to: { path: '^src/web/' },
    },
    {
      name: 'api-not-store',
      comment:
        'The API reaches the store through services: readiness is services/health.ts, the meaning of a database error ' +
        'and the Store type come from services/store-errors.ts. Tests and test harnesses set up data directly.',
      severity: 'error',
      from: { path: '^src/api/', pathNot: '^src/api/testing/|\\.test\\.tsx?$' },
      to: { path: '^src/store/' },
    },
    {
      name: 'web-only-via-api',
      comment: 'Pages reach data only through the API layer, never the store or services directly.',
      severity: 'error',
      from: { path: '^src/web/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/(store|services)/' },
    },
    {
      name: 'patient-repo-only-via-access',
      comment:
        'The patient, clinical record and referral repositories do no authorisation: only the access layer (src/services/access.ts) calls it, ' +
        'after authorising and with the audit entry in the same transaction. Tests and test harnesses may set up data with it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/services/access\\.ts$|^src/store/(patient|record|referral)\\.repo\\.ts$|\\.test\\.tsx?$|/testing/' },
      to: { path: '^src/store/(patient|record|referral)\\.repo\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
