import { join } from 'node:path';
import { defineConfig } from 'allure';
import { CATEGORY_RULES } from './harness/allure-categories.mjs';

// GUIDE_REPORTS_DIR: see harness/reports-dir.ts.
const reports = process.env.GUIDE_REPORTS_DIR || 'reports';

export default defineConfig({
  name: 'Guide verification: Strengthening Your Netflix Account Security',
  output: join(reports, 'allure-report'),
  // Kept between runs (reports/ is not cleaned), so the nightly trend shows.
  historyPath: join(reports, 'allure-history.jsonl'),
  categories: { rules: CATEGORY_RULES },
  plugins: {
    awesome: {
      options: { singleFile: true, reportLanguage: 'en', groupBy: ['epic', 'feature', 'story'] },
    },
  },
});
