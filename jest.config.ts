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

// The project's own test suite (unchanged by the doc pages below).
const tests: Project = {
  displayName: 'tests',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.[cm]?[jt]sx?$': 'babel-jest' },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^unicorn-magic$': '<rootDir>/node_modules/unicorn-magic/node.js',
  },
};

// The doc pages under content/ as Jest tests, run by istio-doctest's own runner (the compiled one in dist/, which
// `npm ci` builds). Without a disposable cluster and ISTIO_DIR they are reported skipped, with one line saying why.
const docs: Project = {
  displayName: 'docs',
  roots: ['<rootDir>/content'],
  testMatch: ['**/content/**/index.md'],
  moduleFileExtensions: ['md', 'js'],
  runner: '<rootDir>/dist/jest/jest-runner.cjs',
  transform: {},
  globals: { doctest: { skipUnlessCluster: true, keepGoing: true } },
};

const config: Config = {
  projects: [tests, docs],
  testTimeout: 60000,
  // Most tests wait on child processes (the CLI, bash, the fake cluster), not on the CPU: two workers even where Jest
  // would take one (CI=true on two cores), which halves the suite's wall time.
  maxWorkers: 2,
};

export default config;
