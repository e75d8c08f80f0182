import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'crypto',
  'http',
  'https',
  'net',
  'fs',
  'stream',
  'buffer',
  'url',
  'os',
  'path',
  'zlib',
  'util',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', ...NODE_BUILTINS],
              message:
                'The core must run in browsers: no Node built-ins in src/ outside src/testing and src/cli.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        console: 'readonly',
        process: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Plain JavaScript examples run on Node.js as they are.
    files: ['examples/**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', fetch: 'readonly' } },
  },
  {
    files: [
      'src/testing/**',
      'src/cli/**',
      'test/**',
      'examples/**',
      'bench/**',
      '*.config.*',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
);
