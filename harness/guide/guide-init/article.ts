import { extname } from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastText } from 'hast-util-to-string';
import type { Nodes as MdastNodes, PhrasingContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString as mdText } from 'mdast-util-to-string';

/** What a piece of the article is on the page; sentences are only ever cut inside one block. */
export type BlockRole = 'title' | 'heading' | 'paragraph' | 'item' | 'image' | 'caption';

export interface Block {
  role: BlockRole;
  text: string;
  /** Words the article set in bold: the site's labels, written without quotes ("Select **Account**"). */
  labels?: string[];
}

/** "Step 1: Open the app", "Step 2 – Tap Settings": a step of the guide, whether written as a heading or a paragraph. */
export const STEP_PREFIX = /^step\s*\d{1,2}\s*(?:[:.)–—-]\s*|\s+(?=[A-Z]))/i;

export type ArticleFormat = 'text' | 'markdown' | 'html';

export function formatOf(fileName: string, text: string): ArticleFormat {
  const ext = extname(fileName).toLowerCase();
  if (['.md', '.markdown', '.mdown'].includes(ext)) return 'markdown';
  if (['.html', '.htm', '.xhtml'].includes(ext)) return 'html';
  const start = text.trimStart().slice(0, 15).toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html') ? 'html' : 'text';
}

export function readArticle(text: string, format: ArticleFormat): Block[] {
  const blocks = format === 'markdown' ? markdownBlocks(text) : format === 'html' ? htmlBlocks(text) : textBlocks(text);
  const cleaned = blocks.map((b) => ({ ...b, text: squash(b.text) })).filter((b) => b.text);
  // A heading before anything else is the article's title (plain text: its first line, see textBlocks); "Step 1: …"
  // is a step wherever it stands (a heading, a paragraph, a short line a text save took for a picture's alt text).
  return cleaned.map((b, i): Block => {
    if (i === 0 && b.role === 'heading') return { ...b, role: 'title' };
    if (b.role !== 'title' && STEP_PREFIX.test(b.text) && !/^step\s*\d{1,2}$/i.test(b.text))
      return { ...b, role: 'item' };
    return b;
  });
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const LIST_MARKS = ['•', '◦', '▪', '‣', '-', '*', '–'];

function listItemText(line: string): string | undefined {
  const mark = LIST_MARKS.find((m) => line.startsWith(`${m} `));
  if (mark) return line.slice(mark.length);
  const number = /^\d{1,2}[.)]\s/.exec(line);
  return number ? line.slice(number[0].length) : undefined;
}

function endsLikeASentence(line: string): boolean {
  return /[.!?:…]["”’)]?$/.test(line);
}

/**
 * A help article saved as plain text keeps its pictures only as their alternative text and caption: two short lines
 * without a full stop, the alt text first. A lone such line is an alt text when it starts in lower case (alt texts
 * are often keywords), else a heading.
 */
function textBlocks(text: string): Block[] {
  const lines = text.split('\n').map((l) => l.trim());
  const at = (i: number) => lines[i] ?? '';
  const blocks: Block[] = [];
  const loneLine = (i: number) => !!at(i) && !at(i - 1) && !at(i + 1) && listItemText(at(i)) === undefined;
  const bare = (i: number) => loneLine(i) && !endsLikeASentence(at(i));
  const nextLine = (i: number) => lines.findIndex((l, j) => j > i && l);
  for (let i = 0; i < lines.length; i++) {
    const line = at(i);
    if (!line) continue;
    const item = listItemText(line);
    if (item !== undefined) blocks.push({ role: 'item', text: item });
    else if (blocks.length === 0) blocks.push({ role: 'title', text: line });
    else if (bare(i) && bare(nextLine(i))) {
      blocks.push({ role: 'image', text: line }, { role: 'caption', text: at(nextLine(i)) });
      i = nextLine(i);
    } else if (bare(i))
      blocks.push({ role: line.charAt(0) === line.charAt(0).toLowerCase() ? 'image' : 'heading', text: line });
    else blocks.push({ role: 'paragraph', text: line });
  }
  return blocks;
}

function markdownBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const visit = (node: MdastNodes, inItem: boolean) => {
    switch (node.type) {
      case 'heading':
        blocks.push({ role: 'heading', text: mdText(node) });
        return;
      case 'paragraph':
        paragraph(node.children, inItem);
        return;
      case 'image':
        blocks.push({ role: 'image', text: node.alt ?? '' });
        return;
      case 'code':
      case 'html':
      case 'thematicBreak':
      case 'definition':
        return;
    }
    if ('children' in node) for (const child of node.children) visit(child, inItem || node.type === 'listItem');
  };
  // A picture's caption is the emphasised line right under it, in the same paragraph or the next one.
  const paragraph = (children: PhrasingContent[], inItem: boolean) => {
    const meaningful = children.filter((c) => !(c.type === 'text' && !c.value.trim()) && c.type !== 'break');
    const images = meaningful.filter((c) => c.type === 'image');
    const afterImage = blocks.at(-1)?.role === 'image';
    if (!inItem && meaningful.length && meaningful.every((c) => c.type === 'image' || c.type === 'emphasis')) {
      if (images.length || afterImage) {
        for (const c of meaningful)
          blocks.push(c.type === 'image' ? { role: 'image', text: c.alt ?? '' } : { role: 'caption', text: mdText(c) });
        return;
      }
    }
    for (const image of images) blocks.push({ role: 'image', text: image.alt ?? '' });
    const labels = children.filter((c) => c.type === 'strong').map((c) => mdText(c).trim());
    blocks.push({
      role: inItem ? 'item' : 'paragraph',
      text: mdText({ type: 'paragraph', children }),
      ...(labels.length ? { labels } : {}),
    });
  };
  visit(fromMarkdown(text), false);
  return blocks;
}

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'head',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements that start a block of their own; anything else (text, links, emphasis…) runs on inside one. */
const BLOCK_LEVEL = new Set([
  ...SKIPPED,
  ...HEADINGS,
  ...'p div ul ol li figure figcaption img table thead tbody tr td th section article main blockquote dl dt dd pre br hr'.split(
    ' ',
  ),
]);

function htmlBlocks(html: string): Block[] {
  const root: HastRoot = fromHtml(html);
  const elements = (node: HastRoot | Element): Element[] =>
    node.children.flatMap((c) => (c.type === 'element' ? [c, ...elements(c)] : []));
  // A saved page carries menus and footers; the article itself is in <article> or <main> when the page has one.
  const all = elements(root);
  const article = all.find((e) => e.tagName === 'article') ?? all.find((e) => e.tagName === 'main');
  const blocks: Block[] = [];
  const title = all.find((e) => e.tagName === 'title');
  if (!elements(article ?? root).some((e) => e.tagName === 'h1') && title)
    blocks.push({ role: 'heading', text: hastText(title) });
  const visit = (node: HastRoot | Element, inItem: boolean) => {
    if (node.type === 'element') {
      // An article's own <header> holds its title; the page's header (menus, logo) is outside the article.
      const ownHeader = node.tagName === 'header' && article !== undefined;
      if ((SKIPPED.has(node.tagName) && !ownHeader) || node.tagName === 'title') return;
      if (node.tagName === 'img') return void blocks.push({ role: 'image', text: String(node.properties.alt ?? '') });
      if (HEADINGS.has(node.tagName)) return void blocks.push({ role: 'heading', text: hastText(node) });
    }
    const role: BlockRole =
      node.type === 'element' && node.tagName === 'figcaption' ? 'caption' : inItem ? 'item' : 'paragraph';
    const within = inItem || (node.type === 'element' && node.tagName === 'li');
    let run = '';
    let labels: string[] = [];
    const flush = () => {
      const role_ = within && role !== 'caption' ? 'item' : role;
      if (run.trim()) blocks.push({ role: role_, text: run, ...(labels.length ? { labels } : {}) });
      run = '';
      labels = [];
    };
    for (const child of node.children) {
      if (child.type === 'text') run += child.value;
      else if (child.type === 'element' && !isBlock(child)) {
        if (['strong', 'b'].includes(child.tagName)) labels.push(hastText(child).trim());
        run += hastText(child);
      } else if (child.type === 'element') {
        flush();
        visit(child, within);
      }
    }
    flush();
  };
  const isBlock = (e: Element): boolean =>
    BLOCK_LEVEL.has(e.tagName) || e.children.some((c) => c.type === 'element' && isBlock(c));
  visit(article ?? root, false);
  return blocks;
}
