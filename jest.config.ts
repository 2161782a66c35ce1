import type { Config } from 'jest';

// ESM-only packages that babel-jest must compile to CommonJS for jest 29.
const esmPackages = [
  'unified', 'bail', 'devlop', 'is-plain-obj', 'trough', 'vfile', 'vfile-message', 'remark-parse',
  'mdast-util-[^/]+', 'micromark', 'micromark-[^/]+', 'unist-util-[^/]+',
  'decode-named-character-reference', 'character-entities', 'execa', '@sindresorhus',
  'figures', 'get-stream', 'human-signals', 'is-stream', 'npm-run-path', 'parse-ms',
  'pretty-ms', 'strip-final-newline', 'unicorn-magic', 'yoctocolors', 'path-key',
  '@sec-ant', 'is-unicode-supported', 'fast-check', 'pure-rand',
  'string-width', 'strip-ansi', 'ansi-regex', 'get-east-asian-width', 'emoji-regex',
];

type Project = Exclude<NonNullable<Config['projects']>[number], string>;

// How TypeScript tests are compiled (babel-jest, with the ESM-only packages made CommonJS).
const typescript = {
  testEnvironment: 'node',
  transform: { '^.+\\.[cm]?[jt]sx?$': 'babel-jest' },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^unicorn-magic$': '<rootDir>/node_modules/unicorn-magic/node.js',
  },
} satisfies Project;

// Pure tests beside the code they test (`src/**/x.test.ts`): no process, no dist/, no fake cluster; `npm run
// test:unit` runs only these.
const unit: Project = { ...typescript, displayName: 'unit', roots: ['<rootDir>/src'], testMatch: ['**/*.test.ts'] };

// Tests that spawn (the CLI, bash, the fake cluster, child Jest runs) under test/: dist/ is built once before them
// and the resident fake cluster serves their kubectl, istioctl and kind (test/global-setup.cjs).
const e2e: Project = {
  ...typescript,
  displayName: 'e2e',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test/global-setup.cjs',
  globalTeardown: '<rootDir>/test/global-teardown.cjs',
};

// The doc pages under content/ as Jest tests, run by istio-doctest's own runner (the compiled one in dist/, which
// `npm ci` builds). Without a disposable cluster and ISTIO_DIR they are reported skipped, with one line saying why.
const docs: Project = {
  displayName: 'docs',
  roots: ['<rootDir>/content'],
  testMatch: ['**/content/**/index.md'],
  moduleFileExtensions: ['md', 'js'],
  runner: '<rootDir>/dist/jest/jest-runner.cjs',
  globalSetup: '<rootDir>/test/build-dist.cjs',
  transform: {},
  globals: { doctest: { skipUnlessCluster: true, keepGoing: true } },
};

const config: Config = {
  projects: [unit, e2e, docs],
  testTimeout: 60000,
  // Most tests wait on child processes (the CLI, bash, the fake cluster), not on the CPU: two workers even where Jest
  // would take one (CI=true on two cores), which halves the suite's wall time.
  maxWorkers: 2,
};

export default config;
