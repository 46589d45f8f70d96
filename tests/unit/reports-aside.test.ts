import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportPaths, setRunReportsAside } from '../../harness/config/reports-dir.ts';

/** A reports folder holding a last run's guide page and Playwright results. */
function lastRun() {
  const paths = reportPaths(mkdtempSync(join(tmpdir(), 'reports-')));
  mkdirSync(paths.guide, { recursive: true });
  writeFileSync(join(paths.guide, 'index.html'), 'last run');
  writeFileSync(paths.playwrightJson, '{}');
  return paths;
}

describe('the last run’s reports while a run writes its own', () => {
  it('are out of the way while it runs, and gone once it gave results', () => {
    const paths = lastRun();
    const aside = setRunReportsAside(paths);
    expect(existsSync(join(paths.guide, 'index.html'))).toBe(false);
    expect(existsSync(paths.playwrightJson)).toBe(false);
    writeFileSync(paths.playwrightJson, '{"new":true}');
    aside.discard();
    expect(readFileSync(paths.playwrightJson, 'utf8')).toBe('{"new":true}');
    expect(existsSync(join(paths.dir, '.last-run'))).toBe(false);
  });

  it('come back as they were when the run gave none, whatever it left half-written', () => {
    const paths = lastRun();
    const aside = setRunReportsAside(paths);
    mkdirSync(paths.guide, { recursive: true });
    writeFileSync(join(paths.guide, 'index.html'), 'half-written');
    aside.restore();
    expect(readFileSync(join(paths.guide, 'index.html'), 'utf8')).toBe('last run');
    expect(readFileSync(paths.playwrightJson, 'utf8')).toBe('{}');
    expect(existsSync(join(paths.dir, '.last-run'))).toBe(false);
  });
});
