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

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.[cm]?[jt]sx?$': 'babel-jest' },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^unicorn-magic$': '<rootDir>/node_modules/unicorn-magic/node.js',
  },
  testTimeout: 60000,
};

export default config;
