import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parse as parseTagExpression } from '@cucumber/tag-expressions';
import { basename, join } from 'node:path';
import { distance } from 'fastest-levenshtein';
import { featureFiles, readScenarios, type WrittenScenario } from '../guide/features.ts';
import { GENERATED_DIR, generateTests } from './generated-tests.ts';
import { loadGuides } from '../guide/guide.ts';
import { expandGuideOption } from './guide-selection.ts';

/** What `npm run guide -- <file>[:line] [--tags <expression>] [--guide <slug>]` asks for, in Playwright's and bddgen's terms. */
export interface PlaywrightSelection {
  /** Arguments for `bddgen test`: the tag expression goes there, as Playwright's --grep knows no and/or/not. */
  bddgenArgs: string[];
  /** Arguments for `playwright test`: feature files and lines turned into the generated spec files and lines. */
  playwrightArgs: string[];
}

const FEATURE_ARG = /^(?<file>.+\.feature)(?<lines>(?::\d+)*)$/;

/** Splits the command line; feature files keep their lines until the specs are generated (see toGeneratedSpecs). */
export function splitGuideArgs(args: string[]): { tags: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let tags: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--tags') tags = args[++i];
    else if (arg.startsWith('--tags=')) tags = arg.slice('--tags='.length);
    else rest.push(arg);
  }
  return { tags, rest };
}

/**
 * `features/x.feature:12` as cucumber-js reads it (the line of a Scenario, a Scenario Outline, or one row of its
 * Examples) becomes `.features-gen/features/x.feature.spec.js:<line of each generated test>`; other arguments pass.
 */
export function toGeneratedSpecs(args: string[], scenarios: WrittenScenario[], generatedDir = GENERATED_DIR): string[] {
  return args.flatMap((arg) => {
    const match = FEATURE_ARG.exec(arg);
    if (!match?.groups) return [arg];
    const file = match.groups.file!.replace(/^\.\//, '');
    const spec = join(generatedDir, `${file}.spec.js`);
    const lines = match.groups.lines!.split(':').filter(Boolean).map(Number);
    if (lines.length === 0) return [spec];
    const testLineOf = generatedTestLines(spec);
    return lines.flatMap((line) => {
      const picked = scenarios.filter((s) => s.file === file && (s.line === line || s.scenarioLine === line));
      if (picked.length === 0) {
        const known = [...new Set(scenarios.filter((s) => s.file === file).map((s) => s.scenarioLine))].join(', ');
        throw new Error(`${file}:${line} is not the line of a scenario or an example (scenarios start at ${known}).`);
      }
      return picked.map((s) => {
        const testLine = testLineOf.get(s.line);
        if (testLine === undefined) throw new Error(`${file}:${s.line} was not generated (left out by --tags?).`);
        return `${spec}:${testLine}`;
      });
    });
  });
}

/** Feature line → generated test line, read from the data playwright-bdd writes at the end of each spec. */
function generatedTestLines(spec: string): Map<number, number> {
  if (!existsSync(spec)) throw new Error(`${spec} does not exist: is the feature file's path right?`);
  const text = readFileSync(spec, 'utf8');
  return new Map(
    [...text.matchAll(/"pwTestLine":(\d+),"pickleLine":(\d+)/g)].map((m) => [Number(m[2]), Number(m[1])] as const),
  );
}

/**
 * For the scripts that run a selection (`npm run guide`, `guide:sharded`): turns `--guide <slug>` into that guide's
 * feature files, generates the tests of the features the tags select, then turns `file[:line]` arguments into
 * generated specs. Exits with bddgen's own message when a feature
 * cannot be compiled, and with one sentence when the selection names nothing.
 */
export function compileSelection(typed: string[]): string[] {
  let args: string[];
  try {
    args = expandGuideOption(typed, loadGuides(), readScenarios());
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const { tags, rest } = splitGuideArgs(args);
  const malformed =
    (tags === undefined ? undefined : tagExpressionProblem(tags)) ??
    unknownFeatureFiles(rest, featureFiles('features'));
  if (malformed) {
    console.error(malformed);
    process.exit(2);
  }
  if (generateTests(tags) !== 0) process.exit(1);
  try {
    return toGeneratedSpecs(rest, readScenarios());
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

/** How many of the closest feature files a "did you mean" names. */
const CLOSEST_SHOWN = 3;

/**
 * One sentence when a `file.feature[:line]` argument names no feature file: the person's own path, and the feature
 * files closest to it (the same file name in another folder first, then the most alike paths). Said before anything
 * is generated or cleared, so the last run's reports stay.
 */
export function unknownFeatureFiles(
  args: string[],
  known: string[],
  exists: (file: string) => boolean = existsSync,
): string | undefined {
  const existing = known.map((file) => file.replaceAll('\\', '/'));
  const unknown = args.flatMap((arg) => {
    const file = FEATURE_ARG.exec(arg)?.groups?.file?.replace(/^\.\//, '');
    return file !== undefined && !existing.includes(file) && !exists(file) ? [file] : [];
  });
  if (unknown.length === 0) return undefined;
  return unknown
    .map((file) => {
      const closest = closestFeatureFiles(file, existing);
      const meant = closest.length ? `; did you mean ${closest.join(' or ')}?` : ': there are no feature files.';
      return `There is no feature file ${file}${meant}`;
    })
    .join('\n');
}

function closestFeatureFiles(file: string, known: string[]): string[] {
  const name = basename(file);
  const sameName = known.filter((candidate) => basename(candidate) === name);
  if (sameName.length) return sameName.slice(0, CLOSEST_SHOWN);
  // A file name of its own counts most: the feature moved to another folder, or the path left its folder out.
  const unlikeness = (candidate: string) => distance(basename(candidate), name) * 10 + distance(candidate, file);
  return [...known].sort((a, b) => unlikeness(a) - unlikeness(b)).slice(0, CLOSEST_SHOWN);
}

/** One sentence when a tag expression cannot be read, instead of the parser's stack trace. */
export function tagExpressionProblem(tags: string): string | undefined {
  try {
    parseTagExpression(tags);
    return undefined;
  } catch (error) {
    return (error as Error).message.split('\n')[0];
  }
}

/**
 * How many scenarios a selection of feature files, lines and a tag expression runs, read from the feature files:
 * undefined when another argument (a directory, a title grep, --repeat-each…) may change the count, so that only
 * `playwright test --list` can say it. Listing starts Playwright once more, a second or more before the first verdict.
 */
export function countFromFeatures(args: string[], scenarios: WrittenScenario[]): number | undefined {
  const { tags, rest } = splitGuideArgs(args);
  const wanted = rest.map((arg) => FEATURE_ARG.exec(arg)?.groups);
  if (wanted.some((groups) => !groups)) return undefined;
  const expression = tags === undefined ? undefined : parseTagExpression(tags);
  const tagged = scenarios.filter((s) => !expression || expression.evaluate(s.tags.map((tag) => `@${tag}`)));
  if (wanted.length === 0) return tagged.length;
  const picked = new Set<WrittenScenario>();
  for (const groups of wanted) {
    const file = groups!.file!.replace(/^\.\//, '');
    const lines = groups!.lines!.split(':').filter(Boolean).map(Number);
    for (const s of tagged) {
      if (s.file === file && (lines.length === 0 || lines.includes(s.line) || lines.includes(s.scenarioLine)))
        picked.add(s);
    }
  }
  return picked.size;
}

/**
 * The environment of `playwright test --list`: the person's, without the reporter settings a CI may set
 * (PLAYWRIGHT_JSON_OUTPUT_NAME, PLAYWRIGHT_HTML_*, …: they would send the listing elsewhere), and the JSON report
 * written to a file of ours rather than read from stdout, where the config and its imports may print too.
 */
export function listingEnv(env: NodeJS.ProcessEnv, outputFile: string): NodeJS.ProcessEnv {
  const reporterSetting = /^(PLAYWRIGHT_[A-Z]+_OUTPUT_|PLAYWRIGHT_HTML_|PW_TEST_HTML_REPORT)/;
  const kept = Object.entries(env).filter(([name]) => !reporterSetting.test(name));
  return { ...Object.fromEntries(kept), PLAYWRIGHT_JSON_OUTPUT_FILE: outputFile };
}

/** How many tests `playwright test` finds for the arguments, without running any, whatever reporter settings are set. */
export function countSelectedTests(playwrightArgs: string[], env: NodeJS.ProcessEnv = process.env): number {
  const dir = mkdtempSync(join(tmpdir(), 'guide-list-'));
  const outputFile = join(dir, 'list.json');
  try {
    spawnSync('node_modules/.bin/playwright', ['test', '--list', '--reporter=json', ...playwrightArgs], {
      env: listingEnv(env, outputFile),
      stdio: 'ignore',
    });
    // No file: Playwright found nothing to list (it says so on stderr).
    if (!existsSync(outputFile)) return 0;
    return countListed(JSON.parse(readFileSync(outputFile, 'utf8')) as ListedSuites);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ListedSuite {
  specs?: { tests: unknown[] }[];
  suites?: ListedSuite[];
}
type ListedSuites = { suites?: ListedSuite[] };

const countListed = (report: ListedSuites): number => {
  const count = (suite: ListedSuite): number =>
    (suite.specs ?? []).reduce((sum, spec) => sum + spec.tests.length, 0) +
    (suite.suites ?? []).reduce((sum, child) => sum + count(child), 0);
  return (report.suites ?? []).reduce((sum, s) => sum + count(s), 0);
};
