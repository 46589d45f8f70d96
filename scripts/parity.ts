// Both runners on the clean mock must see the same scenarios and give each the same result, all passed.
// Reuses the Cucumber JSON that the Playwright run (npm test's features suite) wrote; runs cucumber-js once.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { readCucumberOutcomes } from '../harness/reporting/cucumber-json.ts';
import { reportPaths } from '../harness/config/reports-dir.ts';
import { compareOutcomes, scenarioKey } from '../harness/reporting/scenario-outcome.ts';

const { cucumberJson: PLAYWRIGHT_JSON, cucumberJsJson: CUCUMBER_JS_JSON } = reportPaths();

const playwright = readCucumberOutcomes(PLAYWRIGHT_JSON);
if (!playwright) {
  console.error(`No ${PLAYWRIGHT_JSON}: run the features under Playwright first (npm run test:features).`);
  process.exit(1);
}

rmSync(CUCUMBER_JS_JSON, { force: true });
const status = spawnSync('node_modules/.bin/cucumber-js', ['--format', 'summary'], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim() },
}).status;
const cucumber = readCucumberOutcomes(CUCUMBER_JS_JSON);
if (!cucumber) {
  console.error(`cucumber-js wrote no ${CUCUMBER_JS_JSON} (exit status ${status}).`);
  process.exit(1);
}

const problems = [
  ...compareOutcomes(['Playwright', playwright], ['cucumber-js', cucumber]),
  ...playwright.filter((o) => o.status !== 'passed').map((o) => `${scenarioKey(o)}: ${o.status} under Playwright`),
  ...cucumber.filter((o) => o.status !== 'passed').map((o) => `${scenarioKey(o)}: ${o.status} under cucumber-js`),
];
console.log(
  `\nRunner parity: ${playwright.length} scenarios under Playwright, ${cucumber.length} under cucumber-js, ${problems.length} problem(s).`,
);
for (const problem of [...new Set(problems)]) console.log(`  ✘ ${problem}`);
process.exit(problems.length === 0 && status === 0 ? 0 : 1);
