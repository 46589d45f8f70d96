import js from '@eslint/js';
import globals from 'globals';
import playwright from 'eslint-plugin-playwright';
import tseslint from 'typescript-eslint';

/**
 * Pages and steps may find only what the guide, the feature files and the contract documents state: a site another
 * team built from the same guide has none of our mock's ids, classes, data or ARIA attributes, paths or API paths.
 * They locate by role and accessible name, label, visible text, heading and place (docs/verify-your-site.md).
 * Allowed, on purpose: the harness's own `data-guide-*` marks, HTML's own semantics (`input[type=…]`, `form`,
 * headings, `role=…` of any element), and `goto('/')`, the home page at the address the harness is given.
 */
const SITE_AGNOSTIC = [
  {
    selector: "CallExpression[callee.property.name='getByTestId']",
    message: 'A test id is our mock’s markup, not the guide’s: find the element by role and name, label or text.',
  },
  {
    selector: "CallExpression[callee.property.name='goto'] > Literal.arguments[value!='/']",
    message: 'Only the home page has a known address; reach every other page as a person does, through the site.',
  },
  {
    selector: "CallExpression[callee.property.name='goto'] > TemplateLiteral.arguments",
    message: 'Only the home page has a known address; reach every other page as a person does, through the site.',
  },
  {
    selector: 'Literal[value=/\\[\\s*(id|class|name|aria-[a-z-]+|data-(?!guide-)[a-z-]+)\\s*[\\]=~|^$*]/]',
    message:
      'An id, class, name, ARIA or data attribute is our mock’s markup, not the guide’s: find the element by role and name, label or text.',
  },
  {
    selector: 'Literal[value=/^\\s*[#.][A-Za-z_-]/]',
    message:
      'An id or class selector is our mock’s markup, not the guide’s: find the element by role and name, label or text.',
  },
  {
    selector: 'Literal[value=/^\\/(api|__test)\\b/], TemplateElement[value.raw=/^\\/(api|__test)\\b/]',
    message:
      'API and test-control paths are not the guide’s: drive the site through its pages, and the contract through site/control.ts.',
  },
];

/** What each harness folder may not import, by when its code runs. */
const HARNESS_FORBIDS = {
  guide: ['config', 'scenario', 'reporting'],
  config: ['scenario', 'reporting'],
  scenario: ['config', 'reporting'],
  reporting: [],
};
const HARNESS_WHEN = {
  guide: 'whenever the guide and its feature files are read',
  config: 'when a runner or script sets up a run',
  scenario: 'inside a scenario',
  reporting: 'after the run, over its results',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'reports/', '.features-gen/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules for the bug Playwright code meets most: a forgotten `await` (an `expect` that never runs).
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['pages/**/*.ts', 'steps/**/*.ts'],
    ...playwright.configs['flat/recommended'],
    rules: {
      ...playwright.configs['flat/recommended'].rules,
      // Page objects wait for their own readiness (house style), and steps are not Playwright test() bodies.
      'playwright/no-standalone-expect': 'off',
      'playwright/no-wait-for-timeout': 'off',
      'playwright/no-wait-for-selector': 'off',
    },
  },
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
    files: ['pages/**/*.ts', 'steps/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...SITE_AGNOSTIC] },
  },
  {
    files: ['pages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/steps/**', '**/mock-server/**', '../site/**', '../../site/**'],
              message: 'Page objects import nothing of the harness, the site module or the mock.',
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
              regex: String.raw`(^|/)mock-server/(?!index\.ts$)`,
              message: 'Steps use the mock server only through mock-server/index.ts.',
            },
          ],
        },
      ],
    },
  },
  // The mock has a site/ folder of its own, so the top-level site/ is told apart by how far up the import climbs.
  ...['mock-server/*.ts', 'mock-server/*/*.ts', 'mock-server/*/*/**/*.ts'].map((files, depth) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/steps/**',
                '**/pages/**',
                '**/harness/**',
                `${'../'.repeat(depth + 1)}site/**`,
                '@playwright/*',
                'playwright*',
              ],
              message: 'The mock server never imports test code.',
            },
          ],
        },
      ],
    },
  })),
  {
    // The site under test (site/): which site, its control and signing in over HTTP, used by steps, scripts and tests.
    files: ['site/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/steps/**', '**/features/**', '**/pages/**', '**/harness/**', '**/scripts/**', '**/tests/**'],
              message: 'site/ stands alone: steps, scripts and tests import it, never the other way.',
            },
            {
              regex: String.raw`(^|/)mock-server/(?!index\.ts$)`,
              message: 'site/ uses the mock server only through mock-server/index.ts.',
            },
          ],
        },
      ],
    },
  },
  // harness/ by when its code runs: the guide model, config time, scenario time, reporting. Each folder imports none
  // of the folders named against it here, nor steps or features (the run's other layers import harness, not back).
  ...Object.entries(HARNESS_FORBIDS).map(([folder, forbidden]) => ({
    files: [`harness/${folder}/**/*.ts`, `harness/${folder}/**/*.mjs`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/steps/**', '**/features/**'], message: 'Imports flow one way: features → steps → pages.' },
            ...forbidden.map((other) => ({
              group: [`../${other}/**`, `../../${other}/**`, `**/harness/${other}/**`],
              message: `harness/${folder}/ runs ${HARNESS_WHEN[folder]}: it does not import harness/${other}/ (${HARNESS_WHEN[other]}).`,
            })),
          ],
        },
      ],
    },
  })),
  { files: ['mock-server/site/assets/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
);
