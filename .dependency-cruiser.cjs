/**
 * The fences between the project's folders, checked on every `npm test` (`npm run deps`) over the real import graph,
 * type imports told apart from run-time ones. `npm run deps:draw` draws the same graph (out/dependencies.dot, and an
 * SVG where Graphviz is installed), folders collapsed, so an arrow from a shell into the core shows.
 */
/** What a shell may load of the core at run time: the contract, open/close (in-process or in threads), the errors. */
const CORE_DOORS = '^db/(api|core|core-host|errors)\\.ts$';
const TYPES = ['type-only'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'desktop-through-the-door',
      comment:
        'electron/ reaches the core at run time only through db/core-host and db/errors (and the contract, db/api, for types): the main process never loads SQLite.',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^db/', pathNot: '^db/(core-host|errors)\\.ts$', dependencyTypesNot: TYPES },
    },
    {
      name: 'cli-through-the-door',
      comment:
        'cli/ reaches the core at run time only through db/api, db/core, db/core-host and db/errors; `generate`, a developer tool, loads db/generate with import().',
      severity: 'error',
      from: { path: '^cli/' },
      to: { path: '^db/', pathNot: [CORE_DOORS, '^db/generate\\.ts$'], dependencyTypesNot: TYPES },
    },
    {
      name: 'cli-generate-only-on-demand',
      comment: 'The CLI loads the generator only when `generate` runs.',
      severity: 'error',
      from: { path: '^cli/' },
      to: { path: '^db/generate\\.ts$', dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'renderer-types-only',
      comment: 'The renderer talks to the data only through the contract: db/, electron/ and cli/ for types only.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(db|electron|cli)/', dependencyTypesNot: TYPES },
    },
    {
      name: 'components-not-views',
      comment: 'Components are reusable pieces that views put together; they never import a view.',
      severity: 'error',
      from: { path: '^renderer/src/(components|lib)/' },
      to: { path: '^renderer/src/views/' },
    },
    {
      name: 'common-is-plain',
      comment:
        'common/ is plain TypeScript every side imports: no Node, DOM, drizzle or app folder in it; zod only, for the rules the contract and the forms share.',
      severity: 'error',
      from: { path: '^common/' },
      to: { pathNot: ['^common/', '^node_modules/zod/'] },
    },
    {
      name: 'core-not-shells',
      comment: 'The core knows no shell and no screen.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(cli|electron|renderer|test|bench)/' },
    },
    {
      name: 'app-not-tests',
      comment: 'What ships never imports the tests or the bench.',
      severity: 'error',
      from: { path: '^(db|common|cli|electron|renderer)/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|node_modules|migrations)/' },
    tsPreCompilationDeps: true,
    // The base holds the renderer's aliases (@db, @common, @electron): resolved, they are checked like any path.
    tsConfig: { fileName: 'tsconfig.web.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'] },
    reporterOptions: {
      // The core's doors drawn one by one, the rest of each folder as one box: an arrow from a shell to `db/` is a breach.
      dot: {
        collapsePattern: [
          '^db/(api|core|core-host|errors)\\.ts',
          '^(db|common|cli|electron|renderer/src/(views|components|lib))/',
          'node_modules/(@[^/]+/)?[^/]+',
        ],
      },
    },
  },
};
