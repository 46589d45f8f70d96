import type { ScenarioOutcome, ScenarioStatus } from '../../harness/reporting/scenario-outcome.ts';

/** A scenario outcome of `features/a.feature` at `line` (named `s<line>`), with nothing recorded. */
export const scenarioOutcome = (line: number, status: ScenarioStatus): ScenarioOutcome => ({
  scenario: { file: 'features/a.feature', line, name: `s${line}` },
  status,
  findings: [],
  tags: [],
  guideSteps: [],
  records: [],
  error: undefined,
  attachments: [],
});
