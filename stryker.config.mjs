// @ts-check
// The mutation check of the harness itself (docs/mutation-testing.md): StrykerJS breaks the code in small ways and
// the unit tests must notice each. `npm run mutation` runs it (commands/mutation-report.ts) and reads its JSON report.

/**
 * What decides a verdict or the green line: the outcome records, the verdicts, the findings, the drift sweep's rule,
 * npm test's tally, the quality gate, the drift plan, the timeouts a slow site stretches. The default scope.
 */
export const FOCUSED = [
  'harness/scenario/outcome.ts',
  'harness/scenario/failed-check.ts',
  'harness/scenario/finding.ts',
  'harness/scenario/steps-held.ts',
  'harness/scenario/json-attachment.ts',
  'harness/reporting/guide-verdicts.ts',
  'harness/reporting/drift-sweep.ts',
  'harness/reporting/scenario-outcome.ts',
  'harness/reporting/site-findings.ts',
  'harness/reporting/what-changed.ts',
  'harness/config/run-settings.ts',
  'commands/suite-tally.ts',
  'commands/quality-gate.ts',
  'commands/drift-plan.ts',
  'commands/mutation-report.ts',
];

/**
 * Everything in harness/ and commands/ but type declarations and the files that only start processes, browsers or
 * servers, which only the integration tests (never run under Stryker) exercise: every mutant in them would be
 * "no coverage" and say nothing.
 */
export const ALL = [
  'harness/**/*.ts',
  'commands/**/*.ts',
  '!**/*.d.ts',
  '!harness/config/ensure-browser.ts',
  '!commands/test-command.ts',
  '!commands/drift-command.ts',
  '!commands/processes.ts',
  '!commands/bench/bench-command.ts',
  '!commands/bench/mock.ts',
  '!commands/bench/measure.ts',
];

const scope = process.env.MUTATION_SCOPE === 'all' ? 'all' : 'focused';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // The unit project only: the integration tests start browsers and servers.
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: scope === 'all' ? ALL : FOCUSED,
  coverageAnalysis: 'perTest',
  // Two cores shared with other work: one mutant at a time; the weekly job's own runner may take more.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
  // A loaded machine runs a test slower than the dry run did; a mutant is a timeout only well past that.
  timeoutMS: 10_000,
  reporters: ['html', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Each scope keeps its own record of the last run, so a weekly run tests again only what changed.
  incremental: true,
  incrementalFile: `reports/mutation/incremental-${scope}.json`,
  tempDirName: '.stryker-tmp',
  // Not copied into the sandbox: generated output and anything the unit tests never read.
  ignorePatterns: ['reports', '.features-gen', 'test-results', 'playwright-report', '.ci'],
  // commands/mutation-report.ts holds the run to its own threshold; Stryker's colours only.
  thresholds: { high: 90, low: 75, break: null },
};
