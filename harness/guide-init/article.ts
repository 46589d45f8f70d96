import { extname } from 'node:path';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
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
}

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
  // A heading before anything else is the article's title (plain text: its first line, see textBlocks).
  return cleaned.map((b, i) => (i === 0 && b.role === 'heading' ? { ...b, role: 'title' } : b));
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
    blocks.push({ role: inItem ? 'item' : 'paragraph', text: mdText({ type: 'paragraph', children }) });
  };
  visit(fromMarkdown(text), false);
  return blocks;
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TEXT_BLOCKS = new Set(['p', 'li', 'figcaption', 'dd', 'dt', 'td', 'th', 'blockquote']);

function htmlBlocks(html: string): Block[] {
  const root: HastRoot = fromHtml(html);
  const elements = (node: HastRoot | Element): Element[] =>
    node.children.flatMap((c) => (c.type === 'element' ? [c, ...elements(c)] : []));
  // A saved page carries menus and footers; the article itself is in <article> or <main> when the page has one.
  const article =
    elements(root).find((e) => e.tagName === 'article') ?? elements(root).find((e) => e.tagName === 'main');
  const title = elements(root).find((e) => e.tagName === 'title');
  const blocks: Block[] = [];
  if (!elements(article ?? root).some((e) => e.tagName === 'h1') && title)
    blocks.push({ role: 'heading', text: hastText(title) });
  const visit = (node: Element) => {
    if (SKIPPED.has(node.tagName) || node.tagName === 'title' || node.tagName === 'head') return;
    if (node.tagName === 'img') {
      blocks.push({ role: 'image', text: String(node.properties.alt ?? '') });
      return;
    }
    if (HEADINGS.has(node.tagName)) {
      blocks.push({ role: 'heading', text: hastText(node) });
      return;
    }
    if (TEXT_BLOCKS.has(node.tagName)) {
      // Nested lists and pictures are blocks of their own; the rest of this element is one block.
      const own = node.children.filter((c) => !(c.type === 'element' && hasBlockInside(c)));
      const text = own.map((c) => hastText(c as ElementContent)).join('');
      const role = node.tagName === 'figcaption' ? 'caption' : node.tagName === 'li' ? 'item' : 'paragraph';
      blocks.push({ role, text });
      for (const child of node.children) if (child.type === 'element' && hasBlockInside(child)) visit(child);
      return;
    }
    for (const child of node.children) if (child.type === 'element') visit(child);
  };
  const hasBlockInside = (e: Element): boolean =>
    ['ul', 'ol', 'img', 'figure', 'p', 'div'].includes(e.tagName) ||
    e.children.some((c) => c.type === 'element' && hasBlockInside(c));
  for (const child of (article ?? root).children) if (child.type === 'element') visit(child);
  return blocks;
}
