import { defineConfig } from 'allure';

export default defineConfig({
  name: 'Guide verification: Strengthening Your Netflix Account Security',
  output: './reports/allure-report',
  // Kept between runs (reports/ is not cleaned), so the nightly trend shows.
  historyPath: './reports/allure-history.jsonl',
  plugins: {
    awesome: {
      options: { singleFile: true, reportLanguage: 'en', groupBy: ['epic', 'feature', 'story'] },
    },
  },
});
