import type { FindingRecord } from '../../harness/scenario/finding.ts';

/** A finding as a scenario records it: by default, a low contrast on the account page's section heading. */
export const finding = (fields: Partial<FindingRecord> = {}): FindingRecord => ({
  class: 'accessibility',
  rule: 'color-contrast',
  page: '/account',
  subject: 'MEMBERSHIP & BILLING',
  guideStep: 'phone.1',
  says: 'The control “MEMBERSHIP & BILLING” breaks the accessibility rule “color-contrast” (serious).',
  ...fields,
});
