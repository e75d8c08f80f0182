import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
            { group: ['node:*'], message: 'The core must run in browsers: no Node built-ins in src/ outside src/testing and src/cli.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/testing/**', 'src/cli/**', 'src/cli.ts', 'test/**', 'examples/**', '*.config.*'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
