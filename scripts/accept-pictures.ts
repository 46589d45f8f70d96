// `npm run guide:accept-pictures [-- <step id>…]`: after a person has looked at the last full run's illustrated guide,
// today's look pictures of the guide steps become the site's accepted ones (the folder its profile names as
// `pictures`: <slug>/<step-id>.png), which later runs against that site compare with (harness/reporting/guide-looks.ts). Only the steps named, when some are.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { planAcceptance } from '../harness/reporting/accept-pictures.ts';
import { reportPaths } from '../harness/config/reports-dir.ts';
import { readPlaywrightOutcomes } from '../harness/reporting/results.ts';
import { siteProfile, sitePicturesDir } from '../site/profile.ts';

const paths = reportPaths();
const outcomes = readPlaywrightOutcomes(paths.playwrightJson);
if (!outcomes) {
  console.error(`No run report at ${paths.playwrightJson}: run \`npm run guide\` first, and look at its pictures.`);
  process.exit(1);
}
const plan = planAcceptance(outcomes, process.argv.slice(2), existsSync, sitePicturesDir(), siteProfile().name);
if ('error' in plan) {
  console.error(`${plan.error} (read from ${paths.playwrightJson})`);
  process.exit(1);
}
for (const { step, source, target, copy, was } of plan.pictures) {
  if (copy) {
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
  }
  console.log(`  accepted ${step.padEnd(12)} ${target}  (${was})`);
}
console.log(`${plan.pictures.length} picture(s) accepted; commit them with the change that made them so.`);
