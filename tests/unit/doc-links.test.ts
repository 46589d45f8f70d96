// Every relative link of README.md and docs/**/*.md leads to a file of the repository, and a link to a heading
// (`page.md#heading`) to a heading that page has, by GitHub's rule for heading anchors.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';

const markdownUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownUnder(path);
    return name.endsWith('.md') ? [path] : [];
  });

const PAGES = ['README.md', ...markdownUnder('docs')];

function visit(node: Nodes, found: (node: Nodes) => void): void {
  found(node);
  if ('children' in node) for (const child of node.children) visit(child, found);
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function headingAnchors(tree: Root): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  visit(tree, (node) => {
    if (node.type !== 'heading') return;
    const base = toString(node)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count ? `${base}-${count}` : base);
  });
  return anchors;
}

const trees = new Map<string, Root>();
const treeOf = (path: string): Root => {
  let tree = trees.get(path);
  if (!tree) trees.set(path, (tree = fromMarkdown(readFileSync(path, 'utf8'))));
  return tree;
};

/** Every link and image of a page that points inside the repository: its target as written. */
function relativeLinks(page: string): string[] {
  const urls: string[] = [];
  visit(treeOf(page), (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') urls.push(node.url);
  });
  return urls.filter((url) => url && !/^[a-z][a-z0-9+.-]*:/i.test(url));
}

/** Why a link of a page does not resolve, or undefined when it does. */
function brokenLink(page: string, url: string): string | undefined {
  const [pathPart = '', anchor] = url.split('#');
  const target = pathPart ? normalize(join(dirname(page), decodeURIComponent(pathPart))) : page;
  if (!existsSync(target)) return `${page}: ${url} (no file ${target})`;
  if (anchor === undefined || !target.endsWith('.md')) return undefined;
  return headingAnchors(treeOf(target)).has(anchor) ? undefined : `${page}: ${url} (no heading #${anchor})`;
}

describe('the documentation’s links', () => {
  it('reads README.md and every page under docs/', () => {
    expect(PAGES.length).toBeGreaterThan(10);
    expect(PAGES.flatMap(relativeLinks).length).toBeGreaterThan(30);
  });

  it('lead to files that exist, and to headings those pages have', () => {
    const broken = PAGES.flatMap((page) => relativeLinks(page).flatMap((url) => brokenLink(page, url) ?? []));
    expect(broken).toEqual([]);
  });

  it('would catch a missing file, a missing heading and a link that leaves the folder wrongly', () => {
    expect(brokenLink('docs/mock.md', 'site-rules.md')).toBeUndefined();
    expect(brokenLink('docs/mock.md', 'architecture.md#libraries-we-rely-on-and-why')).toBeUndefined();
    expect(brokenLink('docs/mock.md', 'no-such-page.md')).toMatch(/no file docs\/no-such-page\.md/);
    expect(brokenLink('docs/mock.md', 'architecture.md#no-such-heading')).toMatch(/no heading/);
    expect(brokenLink('docs/add-a-guide.md', 'tests/unit/drift-variants.test.ts')).toMatch(/no file/);
  });

  it('names headings as GitHub does', () => {
    const tree = fromMarkdown(
      '# How the harness is built\n## Libraries we rely on, and why\n## A `classic` one\n## A `classic` one',
    );
    expect([...headingAnchors(tree)]).toEqual([
      'how-the-harness-is-built',
      'libraries-we-rely-on-and-why',
      'a-classic-one',
      'a-classic-one-1',
    ]);
  });
});
