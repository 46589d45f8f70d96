import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOT_A_DRAFT } from '../guide/draft-tag.ts';

export const GENERATED_DIR = '.features-gen';
const STAMP = join(GENERATED_DIR, '.inputs-stamp');
/** What bddgen reads: the features, the step definitions, its config, and its own version. */
const INPUT_DIRS = ['features', 'steps'];
const INPUT_FILES = ['playwright.config.ts', 'node_modules/playwright-bdd/package.json'];

/**
 * `bddgen test [--tags …]`, unless the tests it would write are already there: a QA engineer re-running one scenario
 * should not wait seconds for the same tests to be generated again. The stamp names the inputs and the output of the
 * last generation, so another command's bddgen (with other tags) in between is noticed too.
 * Returns bddgen's exit status (0 when nothing had to be generated).
 */
export function generateTests(tags?: string): number {
  const inputs = fingerprintOfInputs(tags);
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === `${inputs} ${fingerprintOfOutput()}`) return 0;
  const status =
    spawnSync('node_modules/.bin/bddgen', ['test', ...(tags ? ['--tags', withoutDrafts(tags)] : [])], {
      stdio: 'inherit',
    }).status ?? 1;
  if (status === 0) writeFileSync(STAMP, `${inputs} ${fingerprintOfOutput()}`);
  return status;
}

/**
 * bddgen's --tags replaces the config's tags (BDD_CONFIG leaves drafts out): a selection's expression keeps drafts
 * out too, so a draft's undefined steps never stop the generation of the tests selected.
 */
export function withoutDrafts(tags: string): string {
  return `(${tags}) and ${NOT_A_DRAFT}`;
}

function fingerprintOfInputs(tags: string | undefined): string {
  const hash = createHash('sha256').update(`tags:${tags ?? ''}\n`);
  const files = [...INPUT_DIRS.flatMap((dir) => filesUnder(dir)), ...INPUT_FILES.filter((file) => existsSync(file))];
  for (const file of files.sort()) hash.update(`${file}\n`).update(readFileSync(file));
  return hash.digest('hex');
}

/** The generated files as they are now: a bddgen run by anything else changes their times. */
function fingerprintOfOutput(): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(GENERATED_DIR).sort()) {
    if (file === STAMP) continue;
    const { size, mtimeMs } = statSync(file);
    hash.update(`${file} ${size} ${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
