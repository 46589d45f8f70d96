/**
 * A feature guide:init drafted carries this tag (on its Feature line) until a person has given every step a
 * definition and removed it. No run generates a draft (BDD_CONFIG's tags, cucumber.mjs's,
 * harness/config/generated-tests.ts), readScenarios leaves it out, and the coverage gate reports its steps as
 * "drafted, not verified". Apart from harness/guide/drafts.ts so that the runners' configs load nothing more.
 */
export const DRAFT_TAG = 'draft';
/** The tag expression every runner adds to its own: a draft's missing steps never stop another guide's run. */
export const NOT_A_DRAFT = `not @${DRAFT_TAG}`;
