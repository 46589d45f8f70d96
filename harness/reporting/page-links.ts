import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The links of a page the harness wrote that lead nowhere: each `href` or `src` naming a file beside the page (not a
 * web address, an inline picture or a place in the page) whose file is not there. A person opening the illustrated
 * guide from the nightly's artifact follows these to the trace and the Playwright report: a broken one is a report
 * that lies about its evidence. The pages are ours, written with every attribute in double quotes, so a pattern
 * reads them whole.
 */
export function brokenLinks(pageFile: string, html = readFileSync(pageFile, 'utf8')): string[] {
  const broken = new Set<string>();
  for (const [, link = ''] of html.matchAll(/\b(?:href|src)="([^"]*)"/g)) {
    const target = decodeHtml(link);
    if (/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(target)) continue;
    const file = decodeURIComponent(target.split(/[?#]/)[0] ?? '');
    if (file && !existsSync(resolve(dirname(pageFile), file))) broken.add(target);
  }
  return [...broken];
}

function decodeHtml(text: string): string {
  return text.replace(/&(amp|quot|lt|gt|#(\d+));/g, (whole, name: string, code?: string) => {
    if (code) return String.fromCharCode(Number(code));
    return { amp: '&', quot: '"', lt: '<', gt: '>' }[name] ?? whole;
  });
}
