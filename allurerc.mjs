import { join } from 'node:path';
import { defineConfig } from 'allure';
import { CATEGORY_RULES } from './harness/reporting/allure-categories.mjs';

// GUIDE_REPORTS_DIR: see harness/config/reports-dir.ts. GUIDE_SELECTION: the sentence of a selection (harness/config/run-kind.ts),
// set by `npm run guide` for a run of part of the guide; empty for a full run. GUIDE_REPORT_TITLE: the guides' titles
// (harness/reporting/publish-reports.ts).
const reports = process.env.GUIDE_REPORTS_DIR || 'reports';
const selection = process.env.GUIDE_SELECTION || '';
const title = process.env.GUIDE_REPORT_TITLE || 'Guide verification';

export default defineConfig({
  name: selection ? `${selection} — ${title}` : title,
  output: join(reports, 'allure-report'),
  // Only a full run adds to the trend: reports/ keeps it between runs, and a selection is no point on it. Five runs
  // (a working week of nights) make the trend chart; each adds ~200 KB to the report, which must stay under 10 MB.
  ...(selection ? {} : { historyPath: join(reports, 'allure-history.jsonl'), historyLimit: 5 }),
  categories: { rules: CATEGORY_RULES },
  plugins: {
    awesome: {
      // The tracker the page would load is taken out after generation (harness/reporting/allure-results.ts withoutTrackers).
      options: {
        singleFile: true,
        reportLanguage: 'en',
        // Parent suite: the guide's title (or "Supporting checks"); suite: the feature, numbered in the guide's order
        // (harness/reporting/allure-results.ts placeFeatures); then its scenarios, an outline's named from its example row.
        groupBy: ['parentSuite', 'suite'],
        defaultSortBy: 'name,asc',
      },
    },
  },
});
