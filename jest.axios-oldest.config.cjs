/**
 * The axios suites against the oldest axios the peer range admits, 1.6.0 (installed as the
 * `axios-oldest` alias): every `axios` import resolves to it, the package's own lazy
 * `import('axios')` included (ts-jest compiles it to require(), which moduleNameMapper maps).
 * Run: npm run test:axios-oldest
 */
const base = require('./jest.config.cjs');

module.exports = {
  ...base,
  testMatch: [
    '<rootDir>/test/shapes/axios.test.ts',
    '<rootDir>/test/fuzz/axios.test.ts',
    '<rootDir>/test/fuzz/regressions.test.ts',
  ],
  moduleNameMapper: { ...base.moduleNameMapper, '^axios$': 'axios-oldest' },
};
