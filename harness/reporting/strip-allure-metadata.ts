import type { Reporter, TestCase, TestResult, TestStep } from '@playwright/test/reporter';

const ALLURE_METADATA = /^Allure (Step )?Metadata/;
type Attachments = TestResult['attachments'];
const kept = (attachments: Attachments): Attachments => attachments.filter((a) => !ALLURE_METADATA.test(a.name));

/** See STRIP_ALLURE_METADATA in harness/config/reporters.ts: after allure-playwright, before the report files (resultReporters). */
export default class StripAllureMetadata implements Reporter {
  onTestEnd(_test: TestCase, result: TestResult): void {
    // New arrays: allure-playwright may still be walking the old ones. A step lists the same attachment objects as
    // its test, and the HTML reporter insists on finding each step's among the test's.
    result.attachments = kept(result.attachments);
    const strip = (step: TestStep) => {
      (step as { attachments: Attachments }).attachments = kept(step.attachments);
      step.steps.forEach(strip);
    };
    result.steps.forEach(strip);
  }

  printsToStdio(): boolean {
    return false;
  }
}
