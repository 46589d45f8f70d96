// npm run guide:init <article> [--slug s]: a help article (plain text, Markdown or HTML) → guides/<slug>/ (its text
// and steps.json, ids and pins) and draft features in features/<slug>/, never writing over a feature that exists.
// Run it again on an edited article: ids of sentences found again stay, and what changed is listed.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { GUIDES_DIR } from '../harness/guide/guide.ts';
import { initGuide } from '../harness/guide/guide-init/index.ts';

const USAGE = 'Usage: npm run guide:init -- <article.txt|.md|.html> [--slug s]';
let result: ReturnType<typeof initGuide>;
try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      slug: { type: 'string' },
      'guides-dir': { type: 'string', default: GUIDES_DIR },
      'features-dir': { type: 'string', default: 'features' },
      'steps-dir': { type: 'string', default: 'steps' },
    },
  });
  const [file] = positionals;
  if (!file || !existsSync(file)) throw new Error(file ? `No file ${file}.\n${USAGE}` : USAGE);
  const { slug, 'guides-dir': guidesDir, 'features-dir': featuresDir, 'steps-dir': stepsDir } = values;
  result = initGuide({ file, slug, guidesDir, featuresDir, stepsDir });
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
    `Drafted ${result.featureDir}/${draft.section}.feature: ${draft.reused} step(s) from the library, ${draft.undefinedSteps.length} to define.`,
  );
}
for (const { section, uncovered } of result.kept) {
  const todo = uncovered.length ? `; no scenario yet for ${uncovered.join(', ')}` : '';
  console.log(`Kept the features of section ${section} as they are${todo}.`);
}
if (changes?.reworded.length) console.log('Re-read the scenarios of the reworded ids: their pins changed.');
if (result.orphans.length)
  console.log(`No longer in the guide, still tagged by scenarios: ${result.orphans.join(', ')}.`);
