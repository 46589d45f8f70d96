import { join } from 'node:path';
import { defineConfig } from 'allure';
import { CATEGORY_RULES } from './harness/reporting/allure-categories.mjs';

// GUIDE_REPORTS_DIR: see harness/config/reports-dir.ts. GUIDE_SELECTION: the sentence of a selection (harness/config/run-kind.ts),
// set by `npm run guide` for a run of part of the guide; empty for a full run.
const reports = process.env.GUIDE_REPORTS_DIR || 'reports';
const selection = process.env.GUIDE_SELECTION || '';
const title = 'Guide verification: Strengthening Your Netflix Account Security';

export default defineConfig({
  name: selection ? `${selection} — ${title}` : title,
  output: join(reports, 'allure-report'),
  // Only a full run adds to the trend: reports/ keeps it between runs, and a selection is no point on it.
  ...(selection ? {} : { historyPath: join(reports, 'allure-history.jsonl') }),
  categories: { rules: CATEGORY_RULES },
  plugins: {
    awesome: {
      // The tracker the page would load is taken out after generation (harness/reporting/allure-results.ts withoutTrackers).
      options: {
        singleFile: true,
        reportLanguage: 'en',
        groupBy: ['epic', 'feature', 'story'],
        defaultSortBy: 'name,asc',
      },
    },
  },
});
