// `npm run parity`: both runners on the clean mock must see the same scenarios and give each the same result, all
// passed. Reuses the Cucumber JSON the Playwright run (npm test's features suite) wrote; runs cucumber-js once.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { readCucumberOutcomes } from '../harness/reporting/cucumber-json.ts';
import { reportPaths } from '../harness/config/reports-dir.ts';
import { compareOutcomes, scenarioKey, type ScenarioOutcome } from '../harness/reporting/scenario-outcome.ts';
import { bin, status } from './processes.ts';

/** Every difference between the runners, and every scenario that did not pass under either; each named once. */
export function parityProblems(playwright: ScenarioOutcome[], cucumber: ScenarioOutcome[]): string[] {
  const notPassed = (runner: string, outcomes: ScenarioOutcome[]) =>
    outcomes.filter((o) => o.status !== 'passed').map((o) => `${scenarioKey(o)}: ${o.status} under ${runner}`);
  return [
    ...new Set([
      ...compareOutcomes(['Playwright', playwright], ['cucumber-js', cucumber]),
      ...notPassed('Playwright', playwright),
      ...notPassed('cucumber-js', cucumber),
    ]),
  ];
}

/** cucumber-js over every feature, after removing its last run's reports; its exit status. */
export async function runCucumber(): Promise<number> {
  const { cucumberJsJson } = reportPaths();
  // Every cucumber-js report of the last run goes (the screenshots they link to too), not only the one read here.
  rmSync(dirname(cucumberJsJson), { recursive: true, force: true });
  return status(bin('cucumber-js'), ['--format', 'summary'], {
    echo: false,
    env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim() },
  });
}

/** Compares the cucumber-js run just made (its exit status) with the Playwright run's Cucumber JSON; 0 when they agree. */
export function compareRunners(cucumberExitCode: number): number {
  const { cucumberJson, cucumberJsJson } = reportPaths();
  const playwright = readCucumberOutcomes(cucumberJson);
  if (!playwright) {
    console.error(`No ${cucumberJson}: run the features under Playwright first (npm run test:features).`);
    return 1;
  }
  const cucumber = readCucumberOutcomes(cucumberJsJson);
  if (!cucumber) {
    console.error(`cucumber-js wrote no ${cucumberJsJson} (exit status ${cucumberExitCode}).`);
    return 1;
  }
  const problems = parityProblems(playwright, cucumber);
  console.log(
    `\nRunner parity: ${playwright.length} scenarios under Playwright, ${cucumber.length} under cucumber-js, ${problems.length} problem(s).`,
  );
  for (const problem of problems) console.log(`  ✘ ${problem}`);
  return problems.length === 0 && cucumberExitCode === 0 ? 0 : 1;
}

export async function parity(): Promise<number> {
  const { cucumberJson } = reportPaths();
  if (!readCucumberOutcomes(cucumberJson)) return compareRunners(1);
  return compareRunners(await runCucumber());
}
