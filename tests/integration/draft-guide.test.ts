import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDrafts } from '../../harness/guide/drafts.ts';
import { readScenarios } from '../../harness/guide/features.ts';
import { loadGuides, type Guide } from '../../harness/guide/guide.ts';
import { BDD_CONFIG } from '../../harness/config/run-settings.ts';
import { withoutDrafts } from '../../harness/config/generated-tests.ts';
import { checkCoverage } from '../../harness/reporting/guide-coverage.ts';

// A guide just drafted by guide:init must not break the runs of the guides already there: its features are tagged
// @draft, which no run generates. guide:init writes into a scratch folder (reports/ is never committed), and
// bddgen compiles the real features and the draft together, as a run would with the draft in features/.

const ARTICLE = `How to change your Flickbox email

Changing the email of your account takes a minute.

1. Click on the “Sign In” button.
2. Open the “Email” settings and type your new address.
3. Click Save.
`;

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 180_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

let scratch: string;
let config: string;
beforeAll(() => {
  mkdirSync('reports', { recursive: true });
  scratch = resolve(mkdtempSync(join('reports', '.draft-guide-')));
  writeFileSync(join(scratch, 'change-email.txt'), ARTICLE);
  config = join(scratch, 'playwright.config.ts');
  writeFileSync(
    config,
    `import { defineConfig } from '@playwright/test';
import { defineBddConfig } from 'playwright-bdd';
export default defineConfig({
  testDir: defineBddConfig({
    ...${JSON.stringify(BDD_CONFIG)},
    features: [${JSON.stringify(resolve(BDD_CONFIG.features))}, ${JSON.stringify(join(scratch, 'features/**/*.feature'))}],
    steps: ${JSON.stringify(BDD_CONFIG.steps.map((s) => resolve(s)))},
    featuresRoot: ${JSON.stringify(resolve('.'))},
    outputDir: ${JSON.stringify(join(scratch, 'generated'))},
  }),
});
`,
  );
});
afterAll(() => (process.env.KEEP ? undefined : rmSync(scratch, { recursive: true, force: true })));

describe('a guide drafted by guide:init', () => {
  it('is in no run until its steps have definitions, and is drafted, not covered', () => {
    const init = run('node', [
      '--import',
      'tsx',
      'scripts/guide-init.ts',
      join(scratch, 'change-email.txt'),
      '--guides-dir',
      join(scratch, 'guides'),
      '--features-dir',
      join(scratch, 'features'),
    ]);
    expect(init.output).toMatch(/Drafted .*\(@draft, in no run yet\)/);
    expect(init.status).toBe(0);
    const featureDir = join(scratch, 'features', 'change-email');
    const [draftFile] = readdirSync(featureDir);
    expect(readFileSync(join(featureDir, draftFile!), 'utf8')).toMatch(/^@draft\nFeature: /m);

    // The guides already there still compile with the draft beside them, whole or selected by a tag expression.
    const generated = run('node_modules/.bin/bddgen', ['test', '-c', config]);
    expect(generated.output).not.toMatch(/Missing step definitions/);
    expect(generated.status).toBe(0);
    const specs = readdirSync(join(scratch, 'generated'), { recursive: true, encoding: 'utf8' });
    expect(specs.some((f) => f.includes('sign-out-of-all-devices'))).toBe(true);
    expect(specs.some((f) => f.includes('change-email'))).toBe(false);
    const guide = JSON.parse(readFileSync(join(scratch, 'guides', 'change-email', 'steps.json'), 'utf8')) as Omit<
      Guide,
      'slug'
    >;
    const firstAction = guide.steps.find((s) => s.kind === 'action')!.id;
    const selected = run('node_modules/.bin/bddgen', [
      'test',
      '-c',
      config,
      '--tags',
      withoutDrafts(`@guide:${firstAction} or @guide:sign-out.1`),
    ]);
    expect(selected.status).toBe(0);
    // The control: a selection of the draft itself stops at its missing steps.
    const unguarded = run('node_modules/.bin/bddgen', ['test', '-c', config, '--tags', '@draft']);
    expect(unguarded.output).toMatch(/Missing step definitions/);
    expect(unguarded.status).not.toBe(0);

    // The coverage gate: every action drafted, not verified; none covered, none stale (one reader of the .txt).
    const scenarios = readScenarios(join(scratch, 'features'), { drafts: true });
    const coverage = checkCoverage(
      { ...guide, slug: 'change-email' },
      readFileSync(join(scratch, 'guides', 'change-email', 'change-email.txt'), 'utf8'),
      scenarios,
      [],
    );
    const actions = coverage.rows.filter((r) => r.step.kind === 'action');
    expect(actions.length).toBe(3);
    expect(actions.every((r) => r.scenarios.length === 0 && r.drafted.length > 0)).toBe(true);
    expect(coverage.rows.some((r) => r.stale)).toBe(false);
    expect(coverage.problems).toHaveLength(3);
    expect(coverage.problems.every((p) => p.includes('is drafted, not verified'))).toBe(true);
    expect(readScenarios(join(scratch, 'features'))).toEqual([]);

    // Each step without a definition, with the closest one to reuse.
    const missing = readDrafts(join(scratch, 'features')).flatMap((d) => d.missing);
    expect(missing.map((m) => m.text)).toContain('I type my new address');
    expect(missing.every((m) => m.line > 0)).toBe(true);
    expect(loadGuides().some((g) => g.slug === 'change-email')).toBe(false);
  }, 400_000);
});
