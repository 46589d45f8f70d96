import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Guide } from '../guide/guide.ts';
import type { OutcomeRecord } from '../scenario/outcome.ts';

export type RewriteHint = NonNullable<OutcomeRecord['rewrite']>;

/** A suggested new wording of one guide sentence; `text` is empty when the sentence should go. */
export interface Suggestion {
  guideStep: string;
  was: string;
  text: string;
  /** Why, in a few words: the drift behind it. */
  because: string;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The guide quotes a label “like this”; a label it shortens (“Require all devices…”) is matched as written. */
const quoted = (label: string) => new RegExp(`“\\s*${escapeRegExp(label.replace(/\s*(…|\.\.\.)\s*$/, ''))}[^”]*”`, 'i');

/**
 * The sentence as the guide should now read it, in the guide's own words, changed only where the drift says; none
 * when the sentence does not name what changed (the rewrite would have to guess).
 */
export function rewriteSentence(sentence: string, hint: RewriteHint): string | undefined {
  switch (hint.kind) {
    case 'renamed': {
      const label = quoted(hint.guideLabel);
      return label.test(sentence) ? sentence.replace(label, `“${hint.siteLabel}”`) : undefined;
    }
    case 'moved': {
      if (!quoted(hint.guideLabel).test(sentence)) return undefined;
      const where = /^(under|elsewhere)\b/.test(hint.where) ? hint.where : `in ${hint.where}`;
      return sentence.replace(/\s*([.!?])?\s*$/, (_, stop: string | undefined) => `, now ${where}${stop ?? '.'}`);
    }
    case 'missing':
      return quoted(hint.guideLabel).test(sentence) ? '' : undefined;
    case 'reordered': {
      // The thing this sentence places: the one whose place in the guide's order the sentence names ("first field").
      const named = /\b(first|second|third|fourth|fifth) field/i.exec(sentence);
      if (!named) return undefined;
      const what = hint.guideOrder[ORDINALS.indexOf(named[1]!.toLowerCase())];
      const at = what === undefined ? -1 : hint.siteOrder.indexOf(what);
      if (at < 0 || !ORDINALS[at]) return undefined;
      return sentence.replace(named[0], `${ORDINALS[at]} field`);
    }
  }
}

/** One suggestion per drifted guide step whose records say how: the first record that yields a rewrite. */
export function suggestions(guide: Guide, records: OutcomeRecord[]): Suggestion[] {
  return guide.steps.flatMap((step) => {
    for (const record of records.filter((r) => r.guideStep === step.id && r.rewrite)) {
      const text = rewriteSentence(step.text, record.rewrite!);
      if (text !== undefined && text !== step.text) {
        return [{ guideStep: step.id, was: step.text, text, because: `${record.kind}: ${record.siteShowed}` }];
      }
    }
    return [];
  });
}

/** The guide's text with each suggestion applied: the sentence replaced where it stands (removed, when empty). */
export function applySuggestions(guideText: string, found: Suggestion[], mark?: (s: Suggestion) => string): string {
  let text = guideText;
  for (const s of found) {
    const replacement = mark ? mark(s) : s.text;
    text = text.replace(s.was, replacement);
  }
  return mark ? text : text.replace(/(\S)[ \t]{2,}/g, '$1 ').replace(/ +$/gm, '');
}

/** A unified diff of two texts with the same number of lines (sentences change within their lines). */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const changed = a.flatMap((line, i) => (line !== b[i] ? [i] : []));
  if (!changed.length) return '';
  const hunks: [number, number][] = [];
  for (const i of changed) {
    const start = Math.max(0, i - context);
    const end = Math.min(a.length - 1, i + context);
    const last = hunks.at(-1);
    if (last && start <= last[1] + 1) last[1] = end;
    else hunks.push([start, end]);
  }
  const out = [`--- a/${path}`, `+++ b/${path}`];
  for (const [start, end] of hunks) {
    const count = end - start + 1;
    out.push(`@@ -${start + 1},${count} +${start + 1},${count} @@`);
    for (let i = start; i <= end; i++) {
      const last = i === a.length - 1 && !before.endsWith('\n');
      const marker = last ? ['\\ No newline at end of file'] : [];
      if (a[i] === b[i]) out.push(` ${a[i]}`, ...marker);
      else out.push(`-${a[i]}`, ...marker, `+${b[i]}`, ...marker);
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * Writes reports/guide/<slug>/suggested-guide.diff (a patch against guides/<slug>/<source>) and guide.md (the guide
 * with the suggestions applied and marked). Both always written, so an empty diff says "nothing to change".
 */
export function writeGuideSuggestions(
  guide: Guide,
  guideText: string,
  records: OutcomeRecord[],
  outputDir: string,
): Suggestion[] {
  const found = suggestions(guide, records);
  mkdirSync(outputDir, { recursive: true });
  const diff = unifiedDiff(`guides/${guide.slug}/${guide.source}`, guideText, applySuggestions(guideText, found));
  writeFileSync(join(outputDir, 'suggested-guide.diff'), diff);
  const marked = applySuggestions(
    guideText,
    found,
    (s) => `~~${s.was}~~${s.text ? ` **${s.text}**` : ''} <sup>[suggested: ${s.guideStep}]</sup>`,
  );
  const [title = guide.title, ...rest] = marked.split('\n');
  const notes = found.map((s) => `- **${s.guideStep}** — ${s.because}`);
  const md = [
    `# ${title.trim()}`,
    ...rest.map((line) => line.replace(/^\s*•\s*/, '- ')),
    '',
    '---',
    found.length
      ? `Suggested edits (struck: the guide today; bold: what the site now shows), from the drift found on ${new Date().toUTCString()}:`
      : 'No suggested edits: no drift found says how the guide should change.',
    ...notes,
    '',
  ].join('\n');
  writeFileSync(join(outputDir, 'guide.md'), md);
  return found;
}
