import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'reports/', '.features-gen/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/steps/**', '**/features/**'], message: 'Imports flow one way: features → steps → pages.' },
          ],
        },
      ],
    },
  },
  {
    files: ['pages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/steps/**', '**/mock-server/**'],
              message: 'Page objects import nothing of the harness or the mock.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['steps/**/*.ts'],
    rules: {
      // Playwright reads a fixture's dependencies from its destructured first parameter, which may be empty.
      'no-empty-pattern': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/mock-server/*/**', '**/mock-server/!(index).ts'],
              message: 'Steps use the mock server only through mock-server/index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['mock-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/steps/**', '**/pages/**', '**/harness/**', '@playwright/*', 'playwright*'],
              message: 'The mock server never imports test code.',
            },
          ],
        },
      ],
    },
  },
  { files: ['mock-server/site/assets/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
);
