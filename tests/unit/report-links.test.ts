import { describe, expect, it } from 'vitest';
import { traceLink } from '../../harness/reporting/illustrated-guide.ts';
import { scenarioOutcome } from '../support/scenario-outcomes.ts';

describe('the illustrated guide’s link to a failed scenario’s trace', () => {
  const failed = {
    ...scenarioOutcome(3, 'failed'),
    testId: 'abc-1',
    attachments: [{ name: 'trace', path: 'reports/test-results/x/trace.zip' }],
  };

  it('points at the run’s own Playwright report, from the guide’s page two folders down', () => {
    const link = traceLink(failed, { page: 'reports/guide/a-guide', playwrightReport: 'reports/playwright-html' });
    expect(link).toContain('href="../../playwright-html/index.html#?testId=abc-1"');
  });

  it('points at a selection’s own report when the run was a selection', () => {
    const link = traceLink(failed, {
      page: 'reports/selection/guide/a-guide',
      playwrightReport: 'reports/selection/playwright-html',
    });
    expect(link).toContain('href="../../playwright-html/index.html#?testId=abc-1"');
  });

  it('is absent for a scenario with no trace', () => {
    expect(
      traceLink(scenarioOutcome(3, 'failed'), { page: 'reports/guide/g', playwrightReport: 'reports/playwright-html' }),
    ).toBe('');
  });
});
