// `npm run guide:accept-pictures [-- <step id>…]`: after a person has looked at the last full run's illustrated guide,
// today's look pictures of the guide steps become the accepted ones (guides/<slug>/pictures/<step-id>.png), which
// later runs compare with (harness/reporting/guide-looks.ts). Only the steps named, when some are.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  acceptedPicturePath,
  differentShare,
  LOOK_PICTURE_PREFIX,
  type LookRecord,
} from '../harness/reporting/guide-looks.ts';
import { reportPaths } from '../harness/config/reports-dir.ts';
import { readPlaywrightOutcomes } from '../harness/reporting/results.ts';
import { scenarioKey } from '../harness/reporting/scenario-outcome.ts';

const only = process.argv.slice(2);
const paths = reportPaths();
const outcomes = readPlaywrightOutcomes(paths.playwrightJson);
if (!outcomes) {
  console.error(`No run report at ${paths.playwrightJson}: run \`npm run guide\` first, and look at its pictures.`);
  process.exit(1);
}

const fresh = new Map<string, { record: LookRecord; picture: string; from: string }>();
for (const outcome of outcomes) {
  for (const record of outcome.looks ?? []) {
    if (only.length && !only.includes(record.guideStep)) continue;
    const picture = outcome.attachments.find((a) => a.name === `${LOOK_PICTURE_PREFIX}${record.guideStep}`)?.path;
    if (!picture || !existsSync(picture)) continue;
    const from = scenarioKey(outcome);
    const earlier = fresh.get(record.guideStep);
    if (earlier) {
      console.error(
        `Guide step ${record.guideStep} was pictured by two scenarios (${earlier.from}; ${from}): tag it @guide-path in one only.`,
      );
      process.exit(1);
    }
    fresh.set(record.guideStep, { record, picture, from });
  }
}
const unknown = only.filter((step) => !fresh.has(step));
if (unknown.length) {
  console.error(
    `The last run has no look picture of ${unknown.join(', ')}; pictured steps: those of @guide-path scenarios.`,
  );
  process.exit(1);
}
if (fresh.size === 0) {
  console.error(`The last run (${paths.playwrightJson}) has no look pictures: it ran no @guide-path scenario.`);
  process.exit(1);
}

const WAS: Record<LookRecord['verdict'], (r: LookRecord) => string> = {
  same: (r) =>
    r.differentPixels ? `same within the threshold, ${differentShare(r)} changed` : 'unchanged, kept as it was',
  'looks different': (r) => `looked different, ${differentShare(r)} changed`,
  'no accepted picture': () => 'new',
};
for (const [step, { record, picture }] of [...fresh].sort(([a], [b]) => a.localeCompare(b))) {
  const target = acceptedPicturePath(record.guide, step);
  // The same pixels in other bytes would only make a change in the repository that changes nothing.
  const identical = record.verdict === 'same' && record.differentPixels === 0 && existsSync(target);
  if (!identical) {
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(picture, target);
  }
  console.log(`  accepted ${step.padEnd(12)} ${target}  (${WAS[record.verdict](record)})`);
}
console.log(`${fresh.size} picture(s) accepted; commit them with the change that made them so.`);
