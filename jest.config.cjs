/** Jest runs the TypeScript sources directly; the built package is checked by test/smoke. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
  },
  moduleNameMapper: {
    '^aws-sigv4-interceptor$': '<rootDir>/src/index.ts',
    '^aws-sigv4-interceptor/testing$': '<rootDir>/src/testing/index.ts',
  },
  testTimeout: 30000,
};
