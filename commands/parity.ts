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

export async function parity(): Promise<number> {
  const { cucumberJson, cucumberJsJson } = reportPaths();
  const playwright = readCucumberOutcomes(cucumberJson);
  if (!playwright) {
    console.error(`No ${cucumberJson}: run the features under Playwright first (npm run test:features).`);
    return 1;
  }
  // Every cucumber-js report of the last run goes (the screenshots they link to too), not only the one read here.
  rmSync(dirname(cucumberJsJson), { recursive: true, force: true });
  const exitCode = await status(bin('cucumber-js'), ['--format', 'summary'], {
    echo: false,
    env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim() },
  });
  const cucumber = readCucumberOutcomes(cucumberJsJson);
  if (!cucumber) {
    console.error(`cucumber-js wrote no ${cucumberJsJson} (exit status ${exitCode}).`);
    return 1;
  }
  const problems = parityProblems(playwright, cucumber);
  console.log(
    `\nRunner parity: ${playwright.length} scenarios under Playwright, ${cucumber.length} under cucumber-js, ${problems.length} problem(s).`,
  );
  for (const problem of problems) console.log(`  ✘ ${problem}`);
  return problems.length === 0 && exitCode === 0 ? 0 : 1;
}
