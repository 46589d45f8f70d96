/**
 * The guide's text cut into the units its steps.json (guides/<slug>/) gives ids to, in order. Used to notice when
 * the guide copy no longer says what the features were written against.
 *
 * A plain-text guide: each non-empty line, with bullet lines cut into sentences. A Markdown guide (`.md`): the
 * heading, each image's alternative text and its caption (an emphasised line under it) apart, and paragraphs and
 * list items cut into sentences, list numbers left out. `npm run guide:init` reads guides with full Markdown and
 * HTML parsers; this reader only has to find the units again in a guide whose steps.json already exists.
 */
export function guideSentences(guideText: string, source = 'guide.txt'): string[] {
  if (source.endsWith('.md')) return markdownSentences(guideText);
  return guideText
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((line) => (line.startsWith('•') ? splitSentences(line.slice(1).trim()) : [line]));
}

function splitSentences(text: string): string[] {
  return text.split(/(?<=[.:…]”?)\s+(?=[A-Z])/);
}

const HEADING = /^#{1,6}\s+(.+?)\s*#*$/;
const IMAGE = /^!\[([^\]]*)\]\([^)]*\)$/;
const CAPTION = /^[*_](.+)[*_]$/;
const LIST_ITEM = /^(?:\d+[.)]|[-*+])\s+(.*)$/;

function markdownSentences(text: string): string[] {
  const units: string[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length) units.push(...proseSentences(paragraph.join(' ')));
    paragraph = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const unit = HEADING.exec(line) ?? IMAGE.exec(line) ?? CAPTION.exec(line);
    const item = LIST_ITEM.exec(line);
    if (!line || unit || item) endParagraph();
    if (unit) units.push(unit[1]!);
    else if (item) paragraph.push(item[1]!);
    else if (line) paragraph.push(line);
  }
  endParagraph();
  return units.filter(Boolean);
}

/** A Markdown guide's sentences end at . ? ! or …, not at a colon (its colons run on within a sentence). */
function proseSentences(text: string): string[] {
  return text.split(/(?<=[.?!…]”?)\s+(?=[A-Z“])/);
}
