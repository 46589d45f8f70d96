import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** The largest article guide:init reads: a help article is rarely a tenth of it. */
export const MAX_ARTICLE_BYTES = 1024 * 1024;

/** A slug names a guide's folder under guides/ and features/: lowercase letters, digits, single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One sentence when the slug cannot name a guide's folder; undefined when it can. */
export function slugProblem(slug: string, from: 'option' | 'file'): string | undefined {
  if (SLUG.test(slug)) return undefined;
  if (from === 'file')
    return `The article's file name gives no slug of lowercase letters, digits and hyphens: name the guide with --slug <slug>; nothing written.`;
  return `--slug “${slug}” is not a slug: use lowercase letters, digits and hyphens only (e.g. change-email); nothing written.`;
}

/** The article's text, whatever it was saved in: UTF-8 (with or without BOM), UTF-16 by its BOM, or Windows-1252. */
export function readArticleFile(file: string): { text: string; encoding: string } {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new Error(`No file ${file}; nothing written.`);
  if (stat.isDirectory())
    throw new Error(`${file} is a folder: give the article's file (.txt, .md or .html); nothing written.`);
  const { size } = stat;
  if (size > MAX_ARTICLE_BYTES)
    throw new Error(
      `${file} is ${(size / 1024 / 1024).toFixed(1)} MB, more than the 1 MB guide:init reads: save the article alone (its text, Markdown or HTML page); nothing written.`,
    );
  const bytes = Buffer.alloc(size);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, bytes, 0, size, 0);
  } finally {
    closeSync(fd);
  }
  const { text, encoding } = decodeArticle(bytes);
  if (text.includes('\u0000'))
    throw new Error(`${file} is not text: save the article as text, Markdown or HTML; nothing written.`);
  return { text, encoding };
}

export function decodeArticle(bytes: Uint8Array): { text: string; encoding: string } {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 with BOM' };
  if (a === 0xff && b === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16 LE' };
  if (a === 0xfe && b === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16 BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: what Windows saves as "ANSI" in the West, and what a browser assumes of a page that says nothing.
    return { text: windows1252(bytes), encoding: 'Windows-1252' };
  }
}

/**
 * Windows-1252 as the WHATWG Encoding Standard defines it: Latin-1, but 0x80–0x9F are curly quotes, dashes, the
 * bullet, the euro… Node 20's TextDecoder('windows-1252') decodes those bytes as Latin-1's control characters.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes)
    text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charAt(byte - 0x80) : String.fromCharCode(byte);
  return text;
}
