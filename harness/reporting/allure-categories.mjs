// Allure's categories, in their own module: allurerc.mjs reads them, and tests can too without loading Allure.

/**
 * The kinds of drift (pages/support/drift.ts, DRIFT_KINDS), repeated because Allure reads this file without
 * TypeScript; tests/unit/outcome.test.ts keeps the two equal.
 */
export const DRIFT_CATEGORY_KINDS = ['moved', 'renamed', 'missing', 'reordered', 'unusable', 'behaviour'];
/** The label steps/fixtures.ts gives a failed scenario: the kind of its first outcome record (harness/scenario/outcome.ts). */
export const DRIFT_LABEL = 'guide-drift';
/** The label with that record's guide step (steps/fixtures.ts): a drift's scenarios are listed under the step. */
export const DRIFT_STEP_LABEL = 'guide-drift-step';

/** The label steps/fixtures.ts gives a scenario that met a finding: its class (harness/scenario/finding.ts). */
export const FINDING_LABEL = 'site-finding';
/** The classes of finding (site/profile.ts, FINDING_CLASSES), repeated for the same reason as the kinds above. */
export const FINDING_CATEGORY_CLASSES = ['accessibility', 'security', 'resilience', 'looks'];

const FAILED = ['failed', 'broken'];

/** How Allure sorts failures, first match wins: what a failure means for the guide, in a stakeholder's words. */
export const CATEGORY_RULES = [
  ...DRIFT_CATEGORY_KINDS.map((kind) => ({
    id: `guide-drift-${kind}`,
    name: `Guide drift (${kind})`,
    matchers: { statuses: FAILED, labels: { [DRIFT_LABEL]: new RegExp(`^${kind}$`) } },
    // By the guide step that drifted, not by message: each scenario's message names what its own page offered.
    groupBy: [{ label: DRIFT_STEP_LABEL }],
    groupByMessage: false,
    expand: true,
  })),
  // The site's own defects, which leave the guide true: apart from its drifts. A passed scenario that met one is
  // listed too (an accessibility finding never fails the scenario that met it; it fails the run once).
  ...FINDING_CATEGORY_CLASSES.map((findingClass) => ({
    id: `site-finding-${findingClass}`,
    name: `Site finding (${findingClass}), not the guide`,
    matchers: { statuses: [...FAILED, 'passed'], labels: { [FINDING_LABEL]: new RegExp(`^${findingClass}$`) } },
    groupByMessage: false,
    expand: true,
  })),
  // Only failures that named no drift get this far: the site's own error page or a failed connection.
  {
    id: 'site-defect',
    name: 'Site defect (error page or failed connection)',
    matchers: { statuses: FAILED, message: /Something went wrong on our side|net::ERR_|Page not found/ },
  },
  // Allure 3 calls a test flaky when it passed on a retry, or when it fails now after passing and failing in its last
  // five runs (history): after the drifts, so a drift is named as one however its history looks.
  { id: 'flaky', name: 'Flaky (passed on retry, or failing on and off in recent runs)', matchers: { flaky: true } },
  {
    id: 'harness-error',
    name: 'Harness error (set-up, timeout or a defect in our own code)',
    matchers: { statuses: FAILED },
  },
];
