// `npm run guide:sharded -- <N>`: what the nightly workflow does on N machines, on this one: N shard processes,
// each writing a blob, then one merge into the same reports a single run writes, then the quality gate.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { publishReports } from '../harness/publish-reports.ts';

const shards = Number(process.argv[2] ?? 2);
if (!Number.isInteger(shards) || shards < 1) {
  console.error(
    `Give the number of shards as a whole number, e.g. "npm run guide:sharded -- 2" (got "${process.argv[2]}").`,
  );
  process.exit(2);
}

const bin = (name: string) => `node_modules/.bin/${name}`;
const runSync = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;

if (runSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-browser.ts']) !== 0) process.exit(1);
for (const path of ['reports/allure-results', 'reports/blob', 'reports/playwright-results.json']) {
  rmSync(path, { recursive: true, force: true });
}
if (runSync(bin('bddgen'), ['test']) !== 0) process.exit(1);

const runShard = (index: number) =>
  new Promise<number>((resolve) => {
    const child = spawn(bin('playwright'), ['test', `--shard=${index}/${shards}`], {
      stdio: 'inherit',
      env: { ...process.env, GUIDE_BLOB_DIR: `reports/blob/shard-${index}`, GUIDE_WORKERS: '1' },
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
const statuses = await Promise.all(Array.from({ length: shards }, (_, i) => runShard(i + 1)));

const merged = 'reports/blob/all';
mkdirSync(merged, { recursive: true });
for (let index = 1; index <= shards; index++) {
  const dir = `reports/blob/shard-${index}`;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.zip')))
    copyFileSync(join(dir, file), join(merged, `shard-${index}-${file}`));
}
const mergeStatus = runSync(bin('playwright'), ['merge-reports', '--config', 'merge.config.ts', merged]);
const allureStatus = publishReports();
const gateStatus = runSync(process.execPath, ['--import', 'tsx', 'scripts/quality-gate.ts']);
console.log(`\nShards: ${statuses.map((s, i) => `${i + 1}/${shards} ${s === 0 ? 'passed' : 'FAILED'}`).join(', ')}`);
process.exit(statuses.find((s) => s !== 0) ?? (mergeStatus || allureStatus || gateStatus));
