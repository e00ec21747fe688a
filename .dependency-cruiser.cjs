// Module boundaries of the server (docs/contributing.md "Layout"): a module owns its tables, and the others reach
// it only through its public surface, `modules/<name>/index.ts` (its Nest module, its services and read-model
// types; never its entities). Runs in `pnpm lint`.
const MODULES = '^server/src/modules/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      severity: 'error',
      comment:
        "A module imports another module only through that module's index.ts, so its entities and internal files " +
        'can change without touching the callers.',
      from: { path: `${MODULES}([^/]+)/`, pathNot: `${MODULES}seed/` },
      to: { path: MODULES, pathNot: [`${MODULES}$1/`, `${MODULES}[^/]+/index\\.ts$`] },
    },
    {
      name: 'entities-off-the-surface',
      severity: 'error',
      comment: "A module's public surface exports services and read models, never its TypeORM entities.",
      from: { path: `${MODULES}[^/]+/index\\.ts$` },
      to: { path: '\\.entit(y|ies)\\.ts$' },
    },
    {
      name: 'outside-through-surfaces',
      severity: 'error',
      comment:
        'Code outside the modules (app module, common, config, setup) uses a module through its index.ts. ' +
        'Exceptions, each a composition root that writes or registers the tables themselves: ' +
        'database/entities.ts lists every entity for TypeORM; setup/ creates the first brand, store and staff ' +
        'account before any service can run; modules/seed writes the demo rows of every module in one pass ' +
        '(seeding through the services would turn it into a product flow with its own side effects).',
      from: {
        path: '^server/src/',
        pathNot: [MODULES, '^server/src/database/entities\\.ts$', '^server/src/setup/'],
      },
      to: { path: MODULES, pathNot: `${MODULES}[^/]+/index\\.ts$` },
    },
    {
      name: 'seed-and-setup-entities-or-surfaces',
      severity: 'error',
      comment: 'The composition roots (see above) may use entities as well as surfaces, but no other internal file.',
      from: { path: [`${MODULES}seed/`, '^server/src/setup/'] },
      to: {
        path: MODULES,
        pathNot: [`${MODULES}seed/`, `${MODULES}[^/]+/index\\.ts$`, `${MODULES}[^/]+/[^/]+\\.entit(y|ies)\\.ts$`],
      },
    },
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment: 'Folders (modules included) depend on each other one way only.',
      scope: 'folder',
      from: { path: '^server/src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // White-box specs may reach any file: the rules are about production code.
    exclude: { path: ['node_modules', '/dist/', '\\.spec\\.ts$'] },
    includeOnly: '^server/src/',
    tsPreCompilationDeps: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
