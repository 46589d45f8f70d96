// npm run guide:init <article> [--slug s] [--update]: a help article (plain text, Markdown or HTML, up to 1 MB) →
// guides/<slug>/ (its text and steps.json, ids and pins) and draft features in features/<slug>/ (tagged @draft),
// never writing over a feature that exists. Run it again with --update on an edited article: ids of sentences found
// again stay, and what changed is listed. Any problem is one sentence, with nothing written.
import { parseArgs } from 'node:util';
import { GUIDES_DIR } from '../harness/guide/guide.ts';
import { initGuide } from '../harness/guide/guide-init/index.ts';

const USAGE = 'Usage: npm run guide:init -- <article.txt|.md|.html> [--slug s] [--update]';
let result: ReturnType<typeof initGuide>;
try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      slug: { type: 'string' },
      update: { type: 'boolean', default: false },
      'guides-dir': { type: 'string', default: GUIDES_DIR },
      'features-dir': { type: 'string', default: 'features' },
      'steps-dir': { type: 'string', default: 'steps' },
    },
  });
  const [file] = positionals;
  if (!file) throw new Error(USAGE);
  const { slug, update, 'guides-dir': guidesDir, 'features-dir': featuresDir, 'steps-dir': stepsDir } = values;
  result = initGuide({ file, slug, update, guidesDir, featuresDir, stepsDir });
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const { steps } = result.guide;
const actions = steps.filter((s) => s.kind === 'action');
console.log(`${result.guide.title} → ${result.guideDir}/steps.json`);
console.log(`${steps.length} sentences: ${actions.length} actions, ${steps.length - actions.length} prose.`);

const { changes } = result;
if (!changes) console.log('First run: every id is new.');
else if (!Object.values(changes).some((list) => list.length)) console.log('Unchanged since the last run.');
else {
  for (const s of changes.added) console.log(`  + ${s.id} (${s.kind}) “${s.text}”`);
  for (const s of changes.removed) console.log(`  - ${s.id} (${s.kind}) “${s.text}”`);
  for (const { step, was } of changes.reworded) console.log(`  ~ ${step.id} “${was}”\n      now “${step.text}”`);
  for (const s of changes.moved) console.log(`  ↕ ${s.id} moved: “${s.text}”`);
}

for (const draft of result.written) {
  console.log(
    `Drafted ${result.featureDir}/${draft.section}.feature (@draft, in no run yet): ${draft.reused} step(s) from the library, ${draft.undefinedSteps.length} to define.`,
  );
}
if (result.written.length)
  console.log(`Next: npm run guide -- --guide ${result.slug} lists each step to define with the closest one to reuse.`);
for (const { section, uncovered } of result.kept) {
  const todo = uncovered.length ? `; no scenario yet for ${uncovered.join(', ')}` : '';
  console.log(`Kept the features of section ${section} as they are${todo}.`);
}
if (changes?.reworded.length) console.log('Re-read the scenarios of the reworded ids: their pins changed.');
if (result.orphans.length)
  console.log(`No longer in the guide, still tagged by scenarios: ${result.orphans.join(', ')}.`);
