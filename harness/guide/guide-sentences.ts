import { formatOf, readArticle } from './guide-init/article.ts';
import { sentencesOf } from './guide-init/classify.ts';
import { keepPriorUnits } from './guide-init/ids.ts';

/**
 * The one reader of a guide's text, shared by `npm run guide:init` (which gives each unit an id in steps.json) and
 * the coverage gate (which compares the guide copy with steps.json): plain text, Markdown and HTML alike are read as
 * blocks (title, headings, list items, alt texts, captions, paragraphs), then cut into sentences. Both sides reading
 * the same way is what keeps a guide from being stale the moment guide:init wrote it.
 */
export function articleUnits(fileName: string, text: string) {
  return sentencesOf(readArticle(text, formatOf(fileName, text)));
}

/**
 * The guide's text cut into the units its steps.json (guides/<slug>/) gives ids to, in order. A steps.json that gave
 * one id to several sentences of one block (the first guide's intro paragraph) keeps that unit while its text is
 * unchanged, as guide:init keeps it on a re-run.
 */
export function guideSentences(guideText: string, source = 'guide.txt', steps: { text: string }[] = []): string[] {
  return keepPriorUnits(articleUnits(source, guideText), steps).map((s) => s.text);
}
