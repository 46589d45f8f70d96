import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The rule that keeps pages/ and steps/ to what the guide, the features and the contract state (eslint.config.js).
// The example files exist only as text here: the type-aware parser's project service, which finds files on disk
// through tsconfig.json, is told to give them its default project (else it refuses them with a parsing error).
const eslint = new ESLint({
  overrideConfig: {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['pages/example-page.ts', 'steps/example.steps.ts'] },
        tsconfigRootDir: process.cwd(),
      },
    },
  },
});

async function problems(code: string, filePath = 'pages/example-page.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const page = 'declare const page: import("@playwright/test").Page;\n';

describe('pages and steps locate only what the guide states', () => {
  it.each([
    ['a test id', `${page}page.getByTestId('profile-button');`],
    ['an id selector', `${page}page.locator('#profile-menu');`],
    ['a class selector', `${page}page.locator('.profile-name');`],
    ['an ARIA attribute', `${page}page.locator('button[aria-haspopup="menu"]');`],
    ['a data attribute of the site', `${page}page.locator('[data-form-error]');`],
    ['an id attribute', `${page}page.locator('[id="email-error"]');`],
    ['a path other than the home page', `${page}void page.goto('/login');`],
    ['an API path', `${page}void page.request.post('/api/session');`],
    ['a test-control path', 'const path = `/__test/accounts/1/password-check`;'],
  ])('refuses %s', async (_what, code) => {
    expect(await problems(code)).toHaveLength(1);
  });

  it('holds steps/ to the same rule', async () => {
    expect(await problems(`${page}page.locator('#main');`, 'steps/example.steps.ts')).toHaveLength(1);
  });

  it.each([
    ['role and name', `${page}page.getByRole('button', { name: 'Save' });`],
    ['the home page', `${page}void page.goto('/');`],
    ['HTML semantics', `${page}page.locator('input[type="password"]');`],
    ['the harness’s own marks', `${page}page.locator('[data-guide-popup]');`],
  ])('allows %s', async (_what, code) => {
    expect(await problems(code)).toEqual([]);
  });
});
