// The merge job's gate: zero failures, zero flaky scenarios, no site finding the site profile says fails the run, and
// no scenario lost on the way. A run that silently lost scenarios (a shard that never reported, a broken generator)
// must fail, not look green.
import { readScenarios } from '../harness/guide/features.ts';
import { reportPaths, type ReportPaths } from '../harness/config/reports-dir.ts';
import { readPlaywrightOutcomes } from '../harness/reporting/results.ts';
import { tally, type ScenarioOutcome } from '../harness/reporting/scenario-outcome.ts';
import { failingClasses, gatherFindings } from '../harness/reporting/site-findings.ts';
import { siteProfile, type FindingPolicies } from '../site/profile.ts';

export interface GateVerdict {
  summary: string;
  problems: string[];
}

/** `expected`: the scenarios a selection selected; without it, every scenario written in the feature files. */
export function judgeRun(
  results: ScenarioOutcome[],
  expected: { count: number; selected: boolean },
  findingPolicies: FindingPolicies = siteProfile().findings,
): GateVerdict {
  const counts = tally(results);
  // An accessibility finding leaves every scenario that met it green: the gate fails the run for it, once.
  const failing = gatherFindings(results, findingPolicies).filter((f) => f.policy === 'fail');
  const problems = [
    counts.failed ? `${counts.failed} scenario(s) failed` : '',
    counts.flaky ? `${counts.flaky} scenario(s) were flaky (failed, then passed on their evidence run)` : '',
    failing.length
      ? `${failing.length} site finding(s) fail the run as the site profile says (${failingClasses(failing).join(', ')})`
      : '',
    // A run that reported nothing verified nothing, whatever it expected.
    results.length === 0 ? 'no scenario reported a result' : '',
    results.length > 0 && results.length < expected.count
      ? `only ${results.length} of the ${expected.count} ${expected.selected ? 'selected' : 'written'} scenarios reported a result`
      : '',
  ].filter(Boolean);
  return {
    summary: `Quality gate: ${counts.passed} passed, ${counts.failed} failed, ${counts.flaky} flaky, ${results.length}/${expected.count} scenarios reported.`,
    problems,
  };
}

/** Prints the gate's verdict on the run's Playwright JSON; the exit status. */
export function qualityGate(selected?: number, paths: ReportPaths = reportPaths()): number {
  const expected = { count: selected ?? readScenarios().length, selected: selected !== undefined };
  const { summary, problems } = judgeRun(readPlaywrightOutcomes(paths.playwrightJson) ?? [], expected);
  console.log(summary);
  if (problems.length) {
    console.error(`Quality gate FAILED: ${problems.join('; ')}.`);
    return 1;
  }
  console.log('Quality gate passed.');
  return 0;
}
