import type { TestCase, TestResult } from '@playwright/test/reporter';
import cucumberModule from 'playwright-bdd/reporter/cucumber';

// playwright-bdd is CommonJS: under Node's ESM loader the default import is its exports object, the class its `default`.
const CucumberReporterAdapter =
  (cucumberModule as unknown as { default?: typeof cucumberModule }).default ?? cucumberModule;

/**
 * playwright-bdd's Cucumber reporters (HTML, JSON, JUnit, messages), given only a scenario's first attempt: the
 * verdict. A failed scenario's evidence run (harness/config/speed-options.ts) is a second attempt, and Cucumber's
 * formats show a scenario's last attempt only: an evidence run that passed would read as a passed scenario there.
 * Its trace is in the Playwright report and test-results, which Cucumber's reports leave out anyway
 * (LEFT_TO_OTHER_REPORTS in harness/config/reporters.ts).
 */
export default class CucumberVerdictReporter extends CucumberReporterAdapter<string> {
  override onTestEnd(test: TestCase, result: TestResult): void {
    if (result.retry > 0) return;
    // The first attempt, told that no attempt follows (a failure "will be retried" is left out of Cucumber's JSON).
    super.onTestEnd(Object.create(test, { retries: { value: 0 } }) as TestCase, result);
  }
}
