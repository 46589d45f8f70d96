// Both runners on the clean mock must see the same scenarios and give each the same result, all passed.
// Reuses the Cucumber JSON that the Playwright run (npm test's features suite) wrote; runs cucumber-js once.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { compareOutcomes, CUCUMBER_JS_JSON, readCucumberOutcomes } from '../harness/cucumber-json.ts';
import { REPORTS_DIR } from '../harness/reports-dir.ts';

const PLAYWRIGHT_JSON = `${REPORTS_DIR}/cucumber/report.json`;

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
  ...playwright.filter((o) => o.outcome !== 'passed').map((o) => `${o.key}: ${o.outcome} under Playwright`),
  ...cucumber.filter((o) => o.outcome !== 'passed').map((o) => `${o.key}: ${o.outcome} under cucumber-js`),
];
console.log(
  `\nRunner parity: ${playwright.length} scenarios under Playwright, ${cucumber.length} under cucumber-js, ${problems.length} problem(s).`,
);
for (const problem of [...new Set(problems)]) console.log(`  ✘ ${problem}`);
process.exit(problems.length === 0 && status === 0 ? 0 : 1);
