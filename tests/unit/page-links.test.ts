import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenLinks } from '../../harness/reporting/page-links.ts';

describe('the links of a generated page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'page-links-'));
  mkdirSync(join(dir, 'guide', 'one'), { recursive: true });
  mkdirSync(join(dir, 'playwright-html'));
  writeFileSync(join(dir, 'playwright-html', 'index.html'), '');
  writeFileSync(join(dir, 'trace file.zip'), '');
  const page = join(dir, 'guide', 'one', 'index.html');

  it('resolve when their files are there, relative to the page, whatever query or place they add', () => {
    const html = `<a href="../../playwright-html/index.html#?testId=1&amp;x=2">trace</a>
      <a href="../../trace%20file.zip">zip</a> <img src="data:image/jpeg;base64,AAAA">
      <a href="https://example.org/">site</a> <a href="#step-1">step</a>`;
    expect(brokenLinks(page, html)).toEqual([]);
  });

  it('are named when their files are not there', () => {
    const html = `<a href="../playwright-html/index.html#?testId=1">trace</a> <img src="pictures/a.jpg">`;
    expect(brokenLinks(page, html)).toEqual(['../playwright-html/index.html#?testId=1', 'pictures/a.jpg']);
  });
});
