import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { distance } from 'fastest-levenshtein';
import { featureFiles, guideStepIdsOf } from './features.ts';
import { stepExpressions, stepMatcher } from './guide-init/step-library.ts';

import { DRAFT_TAG } from './draft-tag.ts';

export { DRAFT_TAG, NOT_A_DRAFT } from './draft-tag.ts';

/** One step of a draft with no step definition, and the definition closest to it. */
export interface MissingStep {
  file: string;
  line: number;
  keyword: string;
  text: string;
  closest?: string;
}

export interface Draft {
  file: string;
  /** The guide step ids its scenarios are tagged with. */
  guideSteps: string[];
  missing: MissingStep[];
}

/** The drafts under `dir`, each with its steps no definition in `stepsDir` matches. */
export function readDrafts(dir = 'features', stepsDir = 'steps'): Draft[] {
  const drafts = featureFiles(dir).flatMap((path) => {
    const file = relative(process.cwd(), path);
    const document = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher()).parse(
      readFileSync(path, 'utf8'),
    );
    const feature = document.feature;
    if (!feature?.tags.some((t) => t.name === `@${DRAFT_TAG}`)) return [];
    const scenarios = feature.children.flatMap((c) => (c.scenario ? [c.scenario] : []));
    const steps = [...feature.children.flatMap((c) => c.background?.steps ?? []), ...scenarios.flatMap((s) => s.steps)];
    const guideSteps = scenarios.flatMap((s) => guideStepIdsOf({ tags: s.tags.map((t) => t.name.slice(1)) }));
    return [{ file, guideSteps, steps }];
  });
  if (drafts.length === 0) return [];
  const expressions = stepExpressions(stepsDir);
  const matches = stepMatcher(expressions);
  return drafts.map(({ file, guideSteps, steps }) => ({
    file,
    guideSteps,
    missing: steps
      .filter((step) => !matches(step.text))
      .map((step) => ({
        file,
        line: step.location.line,
        keyword: step.keyword.trim(),
        text: step.text,
        closest: closestExpression(step.text, expressions),
      })),
  }));
}

/**
 * The step definition a person most likely meant: the expression whose words are nearest the step's, once the
 * expression's parameters and the step's quoted labels are both read as "{string}" (Levenshtein over words).
 */
export function closestExpression(text: string, expressions: string[]): string | undefined {
  const shape = (s: string) =>
    s
      .toLowerCase()
      .replace(/"[^"]*"|'[^']*'|“[^”]*”|\{string\}/g, ' {string} ')
      .replace(/\b\d+\b|\{int\}|\{float\}/g, ' {int} ')
      .replace(/\{word\}|\{\}/g, ' {word} ')
      .replace(/[()/^$\\]/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
  const mine = shape(text);
  let best: { expression: string; score: number } | undefined;
  for (const expression of expressions) {
    const theirs = shape(expression);
    // Each word becomes one character, so that the distance counts words added, dropped or changed.
    const alphabet = new Map<string, string>();
    const code = (words: string[]) =>
      words
        .map((w) => {
          if (!alphabet.has(w)) alphabet.set(w, String.fromCodePoint(0x4e00 + alphabet.size));
          return alphabet.get(w)!;
        })
        .join('');
    const score = distance(code(mine), code(theirs)) / Math.max(mine.length, theirs.length, 1);
    if (!best || score < best.score) best = { expression, score };
  }
  return best && best.score <= 0.75 ? best.expression : undefined;
}

/** One line per missing step: where, what, and what to reuse. */
export function missingStepLines(drafts: Draft[]): string[] {
  return drafts.flatMap((d) =>
    d.missing.map(
      (m) =>
        `  ${m.file}:${m.line}  ${m.keyword} ${m.text}  → closest step definition: ${m.closest ? `“${m.closest}”` : 'none near it (write one in steps/)'}`,
    ),
  );
}
