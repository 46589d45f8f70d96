// cucumber-js over the same features and step files as playwright-bdd. Run it with `npm run cucumber -- <args>`,
// which loads TypeScript through tsx (NODE_OPTIONS): the `loader` option here does not work with tsx.
process.env.GUIDE_RUNNER = 'cucumber';

export default {
  paths: ['features/**/*.feature'],
  import: ['steps/**/*.steps.ts', 'steps/support/cucumber-hooks.ts'],
  format: [
    'html:reports/cucumber-js/report.html',
    'json:reports/cucumber-js/report.json',
    'junit:reports/cucumber-js/report.xml',
  ],
  formatOptions: { snippetInterface: 'async-await', junit: { suiteName: 'Guide verification (cucumber-js)' } },
};
