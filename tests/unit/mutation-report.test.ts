import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EXPLAINED, type Explanation } from '../../commands/mutation-explained.ts';
import {
  codeAt,
  explains,
  judgeMutation,
  MUTATION_HTML,
  MUTATION_JSON,
  mutationCommand,
  parseMutationArgs,
  readMutationReport,
  survivorsOf,
  type MutationReport,
  type Survivor,
} from '../../commands/mutation-report.ts';

// One file, six mutants: killed, survived twice (a string, a comparison), not covered, timed out, not compiled.
const FIXTURE = 'tests/support/mutation-report.json';
const fixture = (): MutationReport => readMutationReport(FIXTURE)!;

const FILE = 'harness/verdict.ts';
const theString: Explanation = {
  file: FILE,
  mutator: 'StringLiteral',
  original: "'verified'",
  reason: 'Only a person reads it.',
};
const everySurvivor: Explanation[] = [
  theString,
  { file: FILE, mutator: 'EqualityOperator', original: "verdict === 'verified'", reason: 'Equivalent here.' },
  { file: FILE, mutator: 'ArithmeticOperator', original: 'seconds / 15', reason: 'Never called by a unit test.' },
];

// The Stryker config, read as the runner reads it (a .mjs file).
const strykerConfigPath = '../../stryker.config.mjs';
const stryker = (await import(strykerConfigPath)) as {
  FOCUSED: string[];
  default: { jsonReporter: { fileName: string }; htmlReporter: { fileName: string }; vitest: { configFile: string } };
};

describe('the mutation report', () => {
  it('reads Stryker’s JSON report, and nothing when there is none', () => {
    expect(Object.keys(fixture().files)).toEqual([FILE]);
    expect(readMutationReport(join(tmpdir(), 'no-such-mutation-report.json'))).toBeUndefined();
  });

  it('refuses a file that is not a mutation report', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mutation-')), 'mutation.json');
    writeFileSync(path, JSON.stringify({ files: { [FILE]: { mutants: [{ status: 'Dead' }] } } }));
    expect(() => readMutationReport(path)).toThrow();
  });

  it('scores as Stryker does: killed and timed out over every valid mutant', () => {
    const { score, counts } = judgeMutation(fixture(), everySurvivor, 0);
    expect(counts).toEqual({ mutants: 6, killed: 1, timeout: 1, survived: 2, noCoverage: 1, errors: 1 });
    expect(score).toBe(40);
  });

  it('lists each survivor and each mutant no test runs with the code it replaced', () => {
    expect(survivorsOf(fixture())).toEqual<Survivor[]>([
      {
        file: FILE,
        line: 1,
        column: 60,
        mutator: 'StringLiteral',
        status: 'Survived',
        original: "'verified'",
        replacement: '""',
        lineText: "export const isVerified = (verdict: string) => verdict === 'verified';",
      },
      {
        file: FILE,
        line: 1,
        column: 48,
        mutator: 'EqualityOperator',
        status: 'Survived',
        original: "verdict === 'verified'",
        replacement: "verdict !== 'verified'",
        lineText: "export const isVerified = (verdict: string) => verdict === 'verified';",
      },
      {
        file: FILE,
        line: 2,
        column: 57,
        mutator: 'ArithmeticOperator',
        status: 'NoCoverage',
        original: 'seconds / 15',
        replacement: 'seconds * 15',
        lineText: 'export const stretch = (seconds: number) => Math.max(1, seconds / 15);',
      },
    ]);
  });

  it('reads the code of a mutant that spans lines, whitespace and all, and nothing past the source’s end', () => {
    const source = 'const a = [\n  1,\n  2,\n];\n';
    expect(codeAt(source, { start: { line: 1, column: 11 }, end: { line: 4, column: 2 } })).toBe('[\n  1,\n  2,\n]');
    expect(codeAt(source, { start: { line: 9, column: 1 }, end: { line: 9, column: 3 } })).toBe('');
    expect(codeAt(source, { start: { line: 9, column: 1 }, end: { line: 10, column: 3 } })).toBe('\n');
    const report = fixture();
    const [first] = report.files[FILE]!.mutants;
    report.files[FILE]!.mutants = [
      { ...first!, status: 'Survived', location: { start: { line: 9, column: 1 }, end: { line: 9, column: 2 } } },
    ];
    expect(survivorsOf(report)[0]).toMatchObject({ original: '', lineText: '' });
  });

  it('clips long code, says when a mutant removed code, and lists explanations no survivor needs', () => {
    const long = 'x'.repeat(80);
    const report = fixture();
    const mutant = report.files[FILE]!.mutants[2]!;
    report.files[FILE] = {
      ...report.files[FILE]!,
      source: `${report.files[FILE]!.source}const y = ${long};\n`,
      mutants: [
        {
          ...mutant,
          replacement: undefined,
          location: { start: { line: 3, column: 11 }, end: { line: 3, column: 91 } },
        },
      ],
    };
    const stale: Explanation = { file: FILE, mutator: 'Regex', original: `  /${long}/ `, reason: '.' };
    const { lines } = judgeMutation(report, [stale], 0);
    expect(lines).toEqual([
      `Mutation score 0.0% (threshold 0%): 1 mutants in 1 file(s), 0 killed, 0 timed out, 1 survived, 0 not covered by any test.`,
      'Survivors: 0 explained (commands/mutation-explained.ts), 1 not explained.',
      '',
      'Not explained: kill each with a test, or explain it in commands/mutation-explained.ts:',
      `  ✘ ${FILE}:3:11  EqualityOperator  ${'x'.repeat(69)}… → (removed)`,
      '',
      'Explained, but no longer surviving (remove the explanation):',
      `  • ${FILE}  Regex  /${'x'.repeat(68)}…`,
      '',
      `Report: ${MUTATION_HTML}`,
      'Mutation check FAILED: 1 surviving mutant(s) not explained.',
    ]);
    const exact = { ...stale, original: 'y'.repeat(70) };
    expect(judgeMutation(report, [exact], 0).lines).toContain(`  • ${FILE}  Regex  ${'y'.repeat(70)}`);
  });

  it('prints every survivor not explained, where it is and what it did, and fails the run', () => {
    const verdict = judgeMutation(fixture(), [theString], 0);
    expect(verdict.explained.map((e) => e.survivor.mutator)).toEqual(['StringLiteral']);
    expect(verdict.unexplained.map((s) => s.mutator)).toEqual(['EqualityOperator', 'ArithmeticOperator']);
    expect(verdict.lines).toContain(
      `  ✘ ${FILE}:1:48  EqualityOperator  verdict === 'verified' → verdict !== 'verified'`,
    );
    expect(verdict.lines).toContain(
      `  ✘ ${FILE}:2:57  ArithmeticOperator (no test runs it)  seconds / 15 → seconds * 15`,
    );
    expect(verdict.lines.join('\n')).not.toContain('StringLiteral');
    expect(verdict.lines.at(-1)).toBe('Mutation check FAILED: 2 surviving mutant(s) not explained.');
    expect(verdict.exitCode).toBe(1);
  });

  it('passes when every survivor is explained and the score reaches the threshold', () => {
    const verdict = judgeMutation(fixture(), everySurvivor, 40);
    expect(verdict.unexplained).toEqual([]);
    expect(verdict.lines[0]).toBe(
      `Mutation score 40.0% (threshold 40%): 6 mutants in 1 file(s), 1 killed, 1 timed out, 2 survived, 1 not covered by any test, 1 invalid.`,
    );
    expect(verdict.lines.slice(1)).toEqual([
      'Survivors: 3 explained (commands/mutation-explained.ts), 0 not explained.',
      '',
      `Report: ${MUTATION_HTML}`,
      'Mutation check passed: every surviving mutant is explained.',
    ]);
    expect(verdict.exitCode).toBe(0);
  });

  it('fails below the threshold even when every survivor is explained', () => {
    const verdict = judgeMutation(fixture(), everySurvivor, 40.1);
    expect(verdict.lines.at(-1)).toBe('Mutation check FAILED: the score 40.0% is below 40.1%.');
    expect(verdict.exitCode).toBe(1);
  });

  it('finds a survivor by file, mutator and code, not by line, and whitespace does not matter', () => {
    const [survivor] = survivorsOf(fixture()).filter((s) => s.mutator === 'EqualityOperator');
    const explanation = { file: FILE, mutator: 'EqualityOperator', original: "verdict  ===\n 'verified'", reason: '.' };
    expect(explains(explanation, survivor!)).toBe(true);
    expect(explains(explanation, { ...survivor!, line: 40 })).toBe(true);
    expect(explains({ ...explanation, file: 'harness/other.ts' }, survivor!)).toBe(false);
    expect(explains({ ...explanation, mutator: 'ConditionalExpression' }, survivor!)).toBe(false);
    expect(explains({ ...explanation, original: "verdict === 'drifted'" }, survivor!)).toBe(false);
    expect(explains({ ...explanation, replacement: 'true' }, survivor!)).toBe(false);
    expect(explains({ ...explanation, replacement: "verdict !== 'verified'" }, survivor!)).toBe(true);
    expect(explains({ ...explanation, within: 'const isVerified =' }, survivor!)).toBe(true);
    expect(explains({ ...explanation, within: 'const stretch =' }, survivor!)).toBe(false);
  });

  it('names an explanation of a reported file that no survivor needs any more, and not one of another file', () => {
    const killed: Explanation = { file: FILE, mutator: 'ConditionalExpression', original: 'x', reason: '.' };
    const elsewhere: Explanation = {
      file: 'harness/not-in-this-run.ts',
      mutator: 'StringLiteral',
      original: 'x',
      reason: '.',
    };
    const verdict = judgeMutation(fixture(), [...everySurvivor, killed, elsewhere], 0);
    expect(verdict.stale).toEqual([killed]);
    expect(verdict.exitCode).toBe(0);
  });

  it('takes --all and --force, and names an unknown argument', () => {
    expect(parseMutationArgs([])).toEqual({ all: false, force: false });
    expect(parseMutationArgs(['--all', '--force'])).toEqual({ all: true, force: true });
    expect(parseMutationArgs(['--al', 'x'])).toEqual({ error: 'Unknown argument --al x; known: --all, --force.' });
  });
});

describe('npm run mutation', () => {
  const quietly = async (work: () => Promise<number>) => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      return { exitCode: await work(), printed: log.mock.calls.join('\n'), errors: error.mock.calls.join('\n') };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  };
  const reportPath = () => join(mkdtempSync(join(tmpdir(), 'mutation-')), 'mutation.json');

  it('runs Stryker on the focused scope, then judges the report it wrote', async () => {
    const path = reportPath();
    const calls: [string[], NodeJS.ProcessEnv][] = [];
    const run = await quietly(() =>
      mutationCommand(
        [],
        async (args, env) => {
          calls.push([args, env]);
          copyFileSync(FIXTURE, path);
          return 0;
        },
        path,
      ),
    );
    expect(calls).toEqual([[['run'], { MUTATION_SCOPE: 'focused' }]]);
    expect(run.exitCode).toBe(1);
    expect(run.printed).toMatch(/^\nMutation score 40\.0% \(threshold 85%\)/);
    expect(run.printed).toContain(`\n  ✘ ${FILE}:1:48  EqualityOperator`);
  });

  it('passes --all and --force on to Stryker, and stops on an unknown argument without running it', async () => {
    const calls: [string[], NodeJS.ProcessEnv][] = [];
    const fake = async (args: string[], env: NodeJS.ProcessEnv) => (calls.push([args, env]), 1);
    await quietly(() => mutationCommand(['--all', '--force'], fake, reportPath()));
    expect(calls).toEqual([[['run', '--force'], { MUTATION_SCOPE: 'all' }]]);
    const wrong = await quietly(() => mutationCommand(['--everything'], fake, reportPath()));
    expect(wrong).toMatchObject({ exitCode: 2, errors: 'Unknown argument --everything; known: --all, --force.' });
    expect(calls).toHaveLength(1);
  });

  it('fails with Stryker’s own exit status, and never reads a report an earlier run left', async () => {
    const path = reportPath();
    copyFileSync(FIXTURE, path);
    const failed = await quietly(() => mutationCommand([], async () => 3, path));
    expect(failed).toMatchObject({ exitCode: 3, errors: 'Mutation check FAILED: Stryker exited 3 without a report.' });
    const silent = await quietly(() => mutationCommand([], async () => 0, path));
    expect(silent).toMatchObject({ exitCode: 1, errors: 'Mutation check FAILED: Stryker exited 0 without a report.' });
    const wrote = (code: number) => async () => (copyFileSync(FIXTURE, path), code);
    expect(await quietly(() => mutationCommand([], wrote(2), path))).toMatchObject({
      exitCode: 2,
      errors: 'Mutation check FAILED: Stryker exited 2.',
    });
  });
});

describe('the mutation check’s settings', () => {
  it('reads the report where Stryker writes it, and runs the unit tests only', async () => {
    expect(stryker.default.jsonReporter.fileName).toBe(MUTATION_JSON);
    expect(stryker.default.htmlReporter.fileName).toBe(MUTATION_HTML);
    const vitestConfigPath = `../../${stryker.default.vitest.configFile}`;
    const { default: vitest } = (await import(vitestConfigPath)) as { default: { test: { include: string[] } } };
    expect(vitest.test.include).toEqual(['tests/unit/**/*.test.ts']);
  });

  it('mutates files that exist: a renamed module would leave the focused scope without a word', () => {
    expect(stryker.FOCUSED.filter((file) => !existsSync(file))).toEqual([]);
  });

  // Under Stryker the sandbox holds instrumented copies of the files, not the code as written.
  const underStryker = process.env.STRYKER_MUTATOR_WORKER !== undefined;
  it.skipIf(underStryker)(
    'explains only survivors of the focused scope, by code the file still has, each in one sentence',
    () => {
      const collapse = (code: string) => code.replace(/\s+/g, ' ');
      for (const e of EXPLAINED) {
        expect(stryker.FOCUSED, e.file).toContain(e.file);
        expect(collapse(readFileSync(e.file, 'utf8')), `${e.file}: ${e.original}`).toContain(collapse(e.original));
        if (e.within)
          expect(collapse(readFileSync(e.file, 'utf8')), `${e.file}: ${e.within}`).toContain(collapse(e.within));
        expect(e.reason, e.original).toMatch(/^\S[^\n]*\.$/);
      }
    },
  );
});
