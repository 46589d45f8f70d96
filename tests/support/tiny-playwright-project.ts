import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A Playwright project of a few lines under reports/ (git-ignored), so its config and specs resolve @playwright/test
 * from the repository: one worker, one retry (a failure's evidence run, traced), and the reporters given as the text
 * of the config's `reporter` value, with the imports it needs.
 */
export function tinyPlaywrightProject(name: string, { imports = '', reporter = '', options = '' }) {
  const dir = resolve('reports', `${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'playwright.config.ts'),
    `import { defineConfig } from '@playwright/test';
${imports}
export default defineConfig({
  testDir: '.',
  workers: 1,
  retries: 1,
  ${options}
  outputDir: 'test-results',
  reporter: ${reporter},
  use: { trace: { mode: 'on-first-retry', screenshots: false } },
});
`,
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
