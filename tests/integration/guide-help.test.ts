import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wantsHelp } from '../../harness/config/guide-help.ts';

describe('npm run guide -- --help', () => {
  it('is asked for by --help or -h anywhere on the command line, and by nothing else', () => {
    expect(wantsHelp(['--help'])).toBe(true);
    expect(wantsHelp(['features/x.feature', '-h'])).toBe(true);
    expect(wantsHelp(['--headed', '--tags', '@help'])).toBe(false);
  });

  it('prints the harness’s own help, exits 0 and leaves the last run’s reports as they were', () => {
    const reports = mkdtempSync(join(tmpdir(), 'guide-help-'));
    writeFileSync(join(reports, 'playwright-results.json'), '{"suites":[]}');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/guide.ts', '--help'], {
      encoding: 'utf8',
      env: { ...process.env, GUIDE_REPORTS_DIR: reports },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^npm run guide \[-- <selection>\]/);
    expect(run.stdout).toMatch(/--guide <slug>/);
    expect(readdirSync(reports)).toEqual(['playwright-results.json']);
    expect(readFileSync(join(reports, 'playwright-results.json'), 'utf8')).toBe('{"suites":[]}');
  });
});
