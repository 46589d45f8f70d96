import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A QA engineer's habits must work under either runner: an undefined step prints a snippet to paste, and one
// scenario is picked by file:line. No browser is needed: cucumber-js dry-runs, playwright-bdd only generates.

const UNDEFINED_STEP = 'I do something nobody has written a step for';
const FEATURE = `Feature: Written ahead of its steps
  Scenario: A step nobody wrote
    Given I have an account with the profiles "Alex, Sam"
    When ${UNDEFINED_STEP}
`;

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};
const cucumberJs = (args: string[]) =>
  run('node_modules/.bin/cucumber-js', args, {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim(),
  });

// playwright-bdd wants the features under its config's folder, and the config where it can import the project's
// packages: a scratch folder inside the project (reports/ is never committed).
let scratch: string;
beforeAll(() => {
  mkdirSync('reports', { recursive: true });
  scratch = resolve(mkdtempSync(join('reports', '.undefined-step-')));
  writeFileSync(join(scratch, 'undefined.feature'), FEATURE);
  writeFileSync(
    join(scratch, 'playwright.config.ts'),
    `import { defineConfig } from '@playwright/test';
import { defineBddConfig } from 'playwright-bdd';
export default defineConfig({
  testDir: defineBddConfig({
    features: ${JSON.stringify(join(scratch, '*.feature'))},
    steps: [${JSON.stringify(resolve('steps/fixtures.ts'))}, ${JSON.stringify(resolve('steps/**/*.steps.ts'))}],
    outputDir: ${JSON.stringify(join(scratch, 'generated'))},
  }),
});
`,
  );
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('an undefined step prints a snippet to paste', () => {
  it('under playwright-bdd', () => {
    const { status, output } = run('node_modules/.bin/bddgen', ['test', '-c', join(scratch, 'playwright.config.ts')]);
    expect(status).not.toBe(0);
    expect(output).toContain('Missing step definitions: 1');
    expect(output).toContain(`When('${UNDEFINED_STEP}', async function () {`);
  });

  it('under cucumber-js', () => {
    // A dry run lists what is undefined without failing; a real run fails on it (cucumber-js is strict by default).
    const { output } = cucumberJs(['--dry-run', '--format', 'progress', join(scratch, 'undefined.feature')]);
    expect(output).toContain('Undefined. Implement with the following snippet:');
    expect(output).toContain(`When('${UNDEFINED_STEP}', async function () {`);
    // The step that is defined is found, so only the new one needs writing.
    expect(output).toMatch(
      /Given I have an account with the profiles "Alex, Sam" # steps\/account-data\.steps\.ts:\d+/,
    );
  });
});

describe('one scenario is picked by file:line', () => {
  it('under cucumber-js', () => {
    const { status, output } = cucumberJs([
      '--dry-run',
      '--format',
      'summary',
      'features/strengthening-account-security/sign-in.feature:14',
    ]);
    expect(status, output).toBe(0);
    expect(output).toMatch(/^1 scenario \(1 skipped\)$/m);
  });
});
