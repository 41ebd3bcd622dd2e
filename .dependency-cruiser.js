/**
 * The architecture's boundaries, checked on every import (type-only ones included) by `npm run lint` and probed by
 * server/boundaries.test.ts. Each area gets one rule set composed from the same pieces: which project folders it may
 * import, which npm packages, whether Node built-ins, and what it must never reach even through other modules.
 *
 * Paths are relative to the repository root; npm packages resolve to `node_modules/<name>/…`, Node built-ins carry
 * the dependency type `core`.
 */

const CORE = '^src/topology/';
const EXPORT = '^src/export/';
/** The app shell: its store and composition root, and the entry points beside it. */
const APP = '^src/(app/|[^/]+$)';
/** The browser app outside the core and the exporters. */
const UI = ['^src/(app|canvas|panels)/', '^src/[^/]+$'];
const SERVER = '^server/';
const AWS_SOURCE = '^server/sources/aws/';
const FAKE_AWS = '^server/fake-aws/';
const TEST = '\\.test\\.tsx?$';

const npm = (names) => `^node_modules/(${names.join('|')})/`;
/** The only packages the core's own code uses: plain data validation. */
const CORE_PACKAGES = ['zod'];
/** What the core's tests may add: the runner and property tests. */
const CORE_TEST_PACKAGES = [...CORE_PACKAGES, 'vitest', '@vitest/[^/]+', 'fast-check'];
const SDK = npm(['@aws-sdk/[^/]+', '@smithy/[^/]+']);

/** One area's rules: the project folders it may import, the packages it may not (or only may), Node or not. */
function area({ name, path, pathNot = [], mayImport, packagesOnly, noNode, why }) {
  const from = { path, pathNot };
  const rules = [
    {
      name: `${name}-imports`,
      comment: `${why} It may import only ${mayImport.join(', ')} of the project.`,
      severity: 'error',
      from,
      to: { pathNot: [...mayImport, '^node_modules/'], dependencyTypesNot: ['core'] },
    },
  ];
  if (packagesOnly) {
    rules.push(
      {
        name: `${name}-packages`,
        comment: `${why} Its code imports only these packages: ${packagesOnly.code.join(', ')}.`,
        severity: 'error',
        from: { path, pathNot: [...pathNot, TEST] },
        to: { path: '^node_modules/', pathNot: npm(packagesOnly.code) },
      },
      {
        name: `${name}-test-packages`,
        comment: `${why} Its tests import only these packages: ${packagesOnly.tests.join(', ')}.`,
        severity: 'error',
        from: { path: `${path}.*${TEST}`, pathNot },
        to: { path: '^node_modules/', pathNot: npm(packagesOnly.tests) },
      },
    );
  }
  if (noNode) {
    rules.push({
      name: `${name}-no-node`,
      comment: `${why} It runs in the browser: no Node built-in modules${noNode === 'code' ? ' outside tests' : ''}.`,
      severity: 'error',
      from: noNode === 'code' ? { path, pathNot: [...pathNot, TEST] } : from,
      to: { dependencyTypes: ['core'] },
    });
  }
  return rules;
}

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    // The core: model, redaction, graph, layout. The browser, the server and the exporters all import it.
    ...area({
      name: 'core',
      path: CORE,
      mayImport: [CORE],
      packagesOnly: { code: CORE_PACKAGES, tests: CORE_TEST_PACKAGES },
      noNode: 'all',
      why: 'src/topology is the framework-free core: no React, DOM, state library, React Flow, Node, AWS SDK or server.',
    }),
    // The exporters draw a topology as SVG, draw.io, Mermaid or HTML, in the browser and in the CLI alike.
    ...area({
      name: 'export',
      path: EXPORT,
      mayImport: [CORE, EXPORT],
      noNode: 'code',
      why: 'src/export runs in the browser and the CLI.',
    }),
    // The browser app: its shell and entry points compose the canvas and the panels; all read the core.
    ...area({
      name: 'app',
      path: APP,
      mayImport: ['^src/'],
      noNode: 'code',
      why: 'The app shell runs in the browser and talks to the server over HTTP only.',
    }),
    ...area({
      name: 'canvas',
      path: '^src/canvas/',
      mayImport: [CORE, APP, '^src/canvas/'],
      noNode: 'code',
      why: 'The canvas draws the core’s graph and reads the app’s store; it knows neither the panels nor the server.',
    }),
    ...area({
      name: 'panels',
      path: '^src/panels/',
      // The export menu runs the exporters.
      mayImport: [CORE, APP, '^src/panels/', EXPORT],
      noNode: 'code',
      why: 'The panels show the core’s model and read the app’s store; they know neither the canvas nor the server.',
    }),
    {
      name: 'ui-reaches-server',
      comment: 'Nothing the browser loads may pull server code in, however many modules lie between.',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST },
      to: { path: [SERVER, '^bench/', '^bin/', '^e2e/'], reachable: true },
    },
    // The server: the proxy, its CLI and the fake AWS. It reads the core and the exporters, never the browser app.
    {
      name: 'server-reaches-ui',
      comment: 'The server and the CLI import the core and the exporters, never the browser app, directly or not.',
      severity: 'error',
      from: { path: SERVER },
      to: { path: UI, reachable: true },
    },
    {
      name: 'aws-sdk-outside-sources',
      comment: 'Only server/sources/aws talks to AWS; tests and tools that need a client get it from a helper there.',
      severity: 'error',
      from: { pathNot: AWS_SOURCE },
      to: { path: SDK },
    },
    {
      name: 'fake-aws-reads-client-limits',
      comment:
        'The fake AWS enforces AWS’s published limits and throttling from its own table (server/fake-aws/awsLimits.ts), ' +
        'sharing neither numbers nor bucket code with the client: a fake that enforced the client’s own could not catch a wrong one.',
      severity: 'error',
      // readWorld drives the client against the fake, so it reaches the client's table by design.
      from: { path: FAKE_AWS, pathNot: ['^server/fake-aws/readWorld\\.ts$', TEST] },
      to: { path: '^server/sources/aws/(limits|pacing|tokenBucket)\\.ts$', reachable: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve cannot be checked against the rules above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test-results|playwright-report|docs|public)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
