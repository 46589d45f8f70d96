// Config for `playwright merge-reports`: the shards' blobs become the same report files a single run writes.
// It must call defineBddConfig too, or playwright-bdd's Cucumber reporters find no BDD config.
import { defineConfig } from '@playwright/test';
import { defineBddConfig } from 'playwright-bdd';
import { MERGE_FIRST, reportFileReporters } from './harness/config/reporters.ts';
import { REPORTS_DIR } from './harness/config/reports-dir.ts';
import { BDD_CONFIG } from './harness/config/run-settings.ts';

export default defineConfig({
  testDir: defineBddConfig(BDD_CONFIG),
  reporter: [['line'], ...MERGE_FIRST, ...reportFileReporters(REPORTS_DIR)],
});
