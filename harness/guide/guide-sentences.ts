import { formatOf, readArticle } from './guide-init/article.ts';
import { sentencesOf } from './guide-init/classify.ts';

/**
 * The guide's text cut into the units its steps.json (guides/<slug>/) gives ids to, in order. Used to notice when
 * the guide copy no longer says what the features were written against.
 *
 * A Markdown or HTML guide is read as `npm run guide:init` reads it (a Markdown or HTML parser; heading, alt texts,
 * captions and list items apart, then sentences), so the gate and the ids it wrote agree. A plain-text guide is cut
 * by its lines, bullet lines into sentences: the first guide's steps.json keeps its intro paragraph as one entry,
 * which guide:init would cut into sentences.
 */
export function guideSentences(guideText: string, source = 'guide.txt'): string[] {
  const format = formatOf(source, guideText);
  if (format !== 'text') return sentencesOf(readArticle(guideText, format)).map((s) => s.text);
  return guideText
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((line) => (line.startsWith('•') ? splitSentences(line.slice(1).trim()) : [line]));
}

function splitSentences(text: string): string[] {
  return text.split(/(?<=[.:…]”?)\s+(?=[A-Z])/);
}
