import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleUnits } from '../../harness/guide/guide-sentences.ts';
import { classify } from '../../harness/guide/guide-init/classify.ts';
import { draftFeature } from '../../harness/guide/guide-init/draft-feature.ts';
import { freshIds } from '../../harness/guide/guide-init/ids.ts';
import { stepExpressions, stepMatcher } from '../../harness/guide/guide-init/step-library.ts';

// The corpus (tests/corpus/guide-init/README.md): articles in the common forms of public how-to articles, each with
// the actions a reader finds in it. A change to guide:init's reading that loses or invents actions fails here.
const CORPUS = 'tests/corpus/guide-init';
const THRESHOLD = 0.95;

const articles = readdirSync(CORPUS).filter((f) => /\.(txt|md|html)$/.test(f) && f !== 'README.md');
const matchStep = stepMatcher(stepExpressions('steps'));

interface Figures {
  article: string;
  sentences: number;
  expected: number;
  found: number;
  right: number;
  steps: number;
  reused: number;
}

function measure(article: string): Figures & { missed: string[]; invented: string[] } {
  const text = readFileSync(join(CORPUS, article), 'utf8');
  const { actions: expected } = JSON.parse(
    readFileSync(join(CORPUS, article.replace(/\.[^.]+$/, '.expected.json')), 'utf8'),
  ) as { actions: string[] };
  const sentences = classify(articleUnits(article, text));
  const found = sentences.filter((s) => s.kind === 'action');
  const foundTexts = found.map((s) => s.text);
  const right = foundTexts.filter((t) => expected.includes(t)).length;
  const draft = draftFeature('steps', freshIds(found), found, { guideTitle: article, source: article, matchStep });
  return {
    article,
    sentences: sentences.length,
    expected: expected.length,
    found: found.length,
    right,
    steps: draft.reused + draft.undefinedSteps.length,
    reused: draft.reused,
    missed: expected.filter((t) => !foundTexts.includes(t)),
    invented: foundTexts.filter((t) => !expected.includes(t)),
  };
}

describe('guide:init on the corpus of how-to articles', () => {
  const figures = articles.map(measure);

  it('holds five or more articles, each with steps', () => {
    expect(articles.length).toBeGreaterThanOrEqual(5);
    for (const f of figures) expect(f.found, f.article).toBeGreaterThan(0);
  });

  it(`finds the actions with precision and recall of ${THRESHOLD * 100} % or more`, () => {
    const sum = (key: keyof Figures) => figures.reduce((n, f) => n + (f[key] as number), 0);
    const precision = sum('right') / sum('found');
    const recall = sum('right') / sum('expected');
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    console.log(
      [
        'guide:init on the corpus (article: sentences, actions found/expected/right, draft steps reusing the library):',
        ...figures.map(
          (f) =>
            `  ${f.article}: ${f.sentences} sentences, ${f.found}/${f.expected}/${f.right} actions, ${f.reused} of ${f.steps} steps reused`,
        ),
        `  precision ${pct(precision)}, recall ${pct(recall)}, reuse ${sum('reused')} of ${sum('steps')} draft steps`,
      ].join('\n'),
    );
    const wrong = figures.flatMap((f) => [
      ...f.missed.map((t) => `${f.article} missed: ${t}`),
      ...f.invented.map((t) => `${f.article} invented: ${t}`),
    ]);
    expect(precision, wrong.join('\n')).toBeGreaterThanOrEqual(THRESHOLD);
    expect(recall, wrong.join('\n')).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it('reuses a step definition where a label matches one', () => {
    const reused = figures.reduce((n, f) => n + f.reused, 0);
    expect(reused).toBeGreaterThanOrEqual(articles.length);
  });
});
