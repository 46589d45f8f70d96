// cucumber-js over the same features and step files as playwright-bdd. Run it with `npm run cucumber -- <args>`,
// which loads TypeScript through tsx (NODE_OPTIONS): the `loader` option here does not work with tsx.
process.env.GUIDE_RUNNER = 'cucumber';

export default {
  // No `paths`: cucumber-js's default is features/, and paths given here would be added to those on the command line.
  import: ['steps/**/*.steps.ts', 'steps/support/cucumber-hooks.ts'],
  format: [
    'html:reports/cucumber-js/report.html',
    'json:reports/cucumber-js/report.json',
    'junit:reports/cucumber-js/report.xml',
  ],
  // tsx's compiler service would otherwise keep the process alive after the run.
  forceExit: true,
  formatOptions: { snippetInterface: 'async-await', junit: { suiteName: 'Guide verification (cucumber-js)' } },
};
