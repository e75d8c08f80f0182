/**
 * Jest runs the TypeScript sources directly; the built package is checked by test/smoke.
 * Two projects in one run, so `npm test` (the README's command, and CI's) covers both ends of the
 * axios peer range: every suite with the newest axios, and the axios suites again with the
 * oldest supported (1.6.0, installed as the `axios-oldest` alias).
 */
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
    // ky is published as ES modules only: compiled to CommonJS like the tests themselves.
    '/node_modules/ky/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'CommonJS', target: 'ES2022' }, isolatedModules: true },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!ky/)'],
  moduleNameMapper: {
    '^aws-sigv4-interceptor$': '<rootDir>/src/index.ts',
    '^aws-sigv4-interceptor/testing$': '<rootDir>/src/testing/index.ts',
  },
};

/** The axios suites, run a second time against axios 1.6.0. */
const AXIOS_SUITES = [
  '<rootDir>/test/shapes/axios.test.ts',
  '<rootDir>/test/fuzz/axios.test.ts',
  '<rootDir>/test/fuzz/regressions.test.ts',
];

module.exports = {
  testTimeout: 30000,
  projects: [
    { ...shared, displayName: 'axios newest', testMatch: ['**/*.test.ts'] },
    {
      ...shared,
      displayName: 'axios 1.6.0',
      testMatch: AXIOS_SUITES,
      moduleNameMapper: { ...shared.moduleNameMapper, '^axios$': 'axios-oldest' },
    },
  ],
};
