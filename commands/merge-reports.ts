// `npm run reports:merge -- <shard folder> …`: what shards left becomes the reports one run writes. Both
// `npm run guide:sharded` and the nightly workflow's merge job call it, so the check of the one proves the other.
// A shard folder holds `blob/*.zip` and, from another machine, its `allure-results/` and `test-results/`.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { publishedStatus, publishReports } from '../harness/reporting/publish-reports.ts';
import { reportPaths, type ReportPaths } from '../harness/config/reports-dir.ts';
import { bin, status } from './processes.ts';

/**
 * Copies every shard's blobs into one folder (each prefixed with its shard's folder name, since every shard names
 * its blob alike), and its Allure results and test results beside this run's. Returns the blobs' folder.
 */
export function gatherShards(shardDirs: string[], paths: ReportPaths): string {
  const merged = join(paths.blobs, 'all');
  rmSync(merged, { recursive: true, force: true });
  mkdirSync(merged, { recursive: true });
  for (const dir of shardDirs) {
    const blobs = join(dir, 'blob');
    // A shard that left no blob is merged without: the quality gate then finds its scenarios missing.
    if (!existsSync(blobs)) console.warn(`The shard folder ${dir} has no blob/ folder: did the shard run?`);
    for (const zip of (existsSync(blobs) ? readdirSync(blobs) : []).filter((file) => file.endsWith('.zip'))) {
      cpSync(join(blobs, zip), join(merged, `${basename(dir)}-${zip}`));
    }
    for (const [from, to] of [
      [join(dir, 'allure-results'), paths.allureResults],
      [join(dir, 'test-results'), paths.testResults],
    ] as const) {
      if (existsSync(from) && resolve(from) !== resolve(to)) cpSync(from, to, { recursive: true });
    }
  }
  return merged;
}

/** Gathers, merges the blobs into the Playwright HTML, JSON and Cucumber reports, then the Allure report and guide. */
export async function mergeReports(shardDirs: string[], paths: ReportPaths = reportPaths()): Promise<number> {
  if (shardDirs.length === 0) {
    console.error('Name the shard folders to merge, e.g. "npm run reports:merge -- shards/shard-*".');
    return 2;
  }
  const merged = gatherShards(shardDirs, paths);
  const mergeStatus =
    (await status(bin('bddgen'), ['test'])) ||
    (await status(bin('playwright'), ['merge-reports', '--config', 'merge.config.ts', merged], {
      env: { GUIDE_REPORTS_DIR: paths.dir },
    }));
  const publishStatus = publishedStatus(await publishReports({ paths }));
  return mergeStatus || publishStatus;
}
