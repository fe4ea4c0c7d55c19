// Folder rules, checked by `npm test` (npm run depcruise). The layering in docs/architecture.md.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module cycle means two modules share one job; split it or move the shared part below both.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'client-not-to-server',
      severity: 'error',
      comment: 'The client reaches the server only over GraphQL; its types come from schema.graphql.',
      from: { path: '^client/' },
      to: { path: '^(server|seed|model)/' },
    },
    {
      name: 'graph-not-to-graphql',
      severity: 'error',
      comment: 'Graph queries know nothing of GraphQL or HTTP.',
      from: { path: '^server/graph/' },
      to: {
        path: '^(server/resolvers/|server/app\\.ts|node_modules/(graphql|@apollo|express)/)',
      },
    },
    {
      name: 'resolvers-not-to-driver',
      severity: 'error',
      comment: 'A resolver never talks Cypher: it calls a graph query.',
      from: { path: '^server/resolvers/' },
      to: { path: '^(server/neo4j/|node_modules/neo4j-driver)' },
    },
    {
      name: 'product-not-to-tests-or-bench',
      severity: 'error',
      comment: 'Tests and benchmarks use the product, never the other way round.',
      from: { path: '^(server|seed|client|model)/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'model-at-the-bottom',
      severity: 'error',
      comment: 'The data model and paths sit below everything: they import none of our other folders.',
      from: { path: '^model/' },
      to: { path: '^(server|seed|client|test|bench)/' },
    },
    {
      name: 'seed-below-server',
      severity: 'error',
      comment:
        'seed/ holds the data and the loader; the loader is handed its way into Neo4j (model/loader-door.ts), so it never imports server/.',
      from: { path: '^seed/' },
      to: { path: '^server/' },
    },
    {
      name: 'transfer-below-graph',
      severity: 'error',
      comment:
        'server/transfer reads and writes files; server/graph plans and writes what it read, never the other way.',
      from: { path: '^server/transfer/' },
      to: { path: '^server/graph/' },
    },
    {
      name: 'no-reading-shared',
      severity: 'error',
      comment: '../shared is read-only input: copy into the repo what the product needs.',
      from: {},
      to: { path: '^\\.\\./shared/' },
    },
    {
      name: 'no-folder-cycles',
      comment:
        'Folders point one way: model <- seed <- server/graph <- server/resolvers <- server; a cycle means a module is in the wrong folder.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist|\\.cache|\\.data)/' },
  },
};
