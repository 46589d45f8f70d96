import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPLAINED, type Explanation } from '../../commands/mutation-explained.ts';
import {
  codeAt,
  explains,
  judgeMutation,
  MUTATION_JSON,
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
  default: { jsonReporter: { fileName: string }; vitest: { configFile: string } };
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

  it('reads the code of a mutant that spans lines, whitespace and all', () => {
    const source = 'const a = [\n  1,\n  2,\n];\n';
    expect(codeAt(source, { start: { line: 1, column: 11 }, end: { line: 4, column: 2 } })).toBe('[\n  1,\n  2,\n]');
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
    expect(verdict.lines.at(-1)).toBe('Mutation check passed: every surviving mutant is explained.');
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
    expect(parseMutationArgs(['--al'])).toEqual({ error: 'Unknown argument --al; known: --all, --force.' });
  });
});

describe('the mutation check’s settings', () => {
  it('reads the report where Stryker writes it, and runs the unit tests only', async () => {
    expect(stryker.default.jsonReporter.fileName).toBe(MUTATION_JSON);
    const vitestConfigPath = `../../${stryker.default.vitest.configFile}`;
    const { default: vitest } = (await import(vitestConfigPath)) as { default: { test: { include: string[] } } };
    expect(vitest.test.include).toEqual(['tests/unit/**/*.test.ts']);
  });

  it('mutates files that exist: a renamed module would leave the focused scope without a word', () => {
    expect(stryker.FOCUSED.filter((file) => !existsSync(file))).toEqual([]);
  });

  it('explains only survivors of the focused scope, by code the file still has, each in one sentence', () => {
    const collapse = (code: string) => code.replace(/\s+/g, ' ');
    for (const e of EXPLAINED) {
      expect(stryker.FOCUSED, e.file).toContain(e.file);
      expect(collapse(readFileSync(e.file, 'utf8')), `${e.file}: ${e.original}`).toContain(collapse(e.original));
      if (e.within)
        expect(collapse(readFileSync(e.file, 'utf8')), `${e.file}: ${e.within}`).toContain(collapse(e.within));
      expect(e.reason, e.original).toMatch(/^\S[^\n]*\.$/);
    }
  });
});
