import { describe, expect, it } from 'vitest';
import {
  cleanIsGreen,
  driftExitCode,
  driftTable,
  grepFor,
  parseDriftArgs,
  sweepRuns,
} from '../../commands/drift-plan.ts';
import { caughtAs, type DriftOutcome, type DriftReport } from '../../harness/reporting/drift-report.ts';
import type { ScenarioStatus } from '../../harness/reporting/scenario-outcome.ts';
import { scenarioOutcome } from '../support/scenario-outcomes.ts';
import type { DriftVariant } from '../../mock-server/index.ts';
import { traceCell } from '../../harness/reporting/drift-sweep.ts';

const variant = (name: string, caughtBy: string[], caughtByTag?: string): DriftVariant => ({
  name,
  kind: 'renamed',
  breaks: `${name} breaks.`,
  caughtBy,
  ...(caughtByTag ? { caughtByTag } : {}),
  override: {},
});
const CATALOGUE = [variant('a-renamed', ['account.2']), variant('b-hover', ['account.1'], 'keyboard')];

const scenario = (status: ScenarioStatus) => scenarioOutcome(3, status);

const outcome = (
  name: string,
  verdict: DriftOutcome['verdict'],
  traces: DriftOutcome['traces'] = { failed: verdict === 'survived' ? 0 : 1, traced: verdict === 'survived' ? 0 : 1 },
): DriftOutcome => ({
  name,
  kind: 'renamed',
  breaks: '',
  caughtBy: ['account.2'],
  verdict,
  guideSteps: verdict === 'survived' ? [] : ['account.2'],
  records: [],
  message: verdict === 'caught' ? 'account.2 renamed: the menu says “Account”' : '',
  traces,
});

describe('the drift sweep’s command line', () => {
  it('sweeps every variant and the clean mock by default', () => {
    const args = parseDriftArgs([], CATALOGUE);
    expect(args).toMatchObject({ skipClean: false, reportOnly: false, partial: false });
    expect(sweepRuns(args as Exclude<typeof args, { error: string }>).map((r) => [r.name, r.drift])).toEqual([
      ['clean', null],
      ['a-renamed', 'a-renamed'],
      ['b-hover', 'b-hover'],
    ]);
    expect(sweepRuns(args as Exclude<typeof args, { error: string }>)[0]).toEqual({
      name: 'clean',
      args: [],
      drift: null,
    });
  });

  it('sweeps only the variants named, and may leave out the clean run', () => {
    const args = parseDriftArgs(['--skip-clean', 'b-hover'], CATALOGUE);
    if ('error' in args) throw new Error(args.error);
    expect(args.partial).toBe(true);
    expect(sweepRuns(args).map((r) => r.name)).toEqual(['b-hover']);
  });

  it('runs nothing for --report-only', () => {
    const args = parseDriftArgs(['--report-only'], CATALOGUE);
    if ('error' in args) throw new Error(args.error);
    expect(sweepRuns(args)).toEqual([]);
  });

  it('names an unknown variant and lists the known ones', () => {
    expect(parseDriftArgs(['a-renamed', 'no-such'], CATALOGUE)).toEqual({
      error: 'Unknown drift variant no-such; known: a-renamed, b-hover.',
    });
  });
});

describe('which scenarios a variant runs', () => {
  const matches = (grep: string, title: string) => new RegExp(grep).test(title);

  it('selects the scenarios of the guide steps it should break, and no step that merely starts alike', () => {
    const grep = grepFor(variant('x', ['account.2', 'phone.1']));
    expect(matches(grep, 'Choose a profile @guide:account.2')).toBe(true);
    expect(matches(grep, 'Add a phone @guide:phone.1 @other')).toBe(true);
    expect(matches(grep, 'Something @guide:account.21')).toBe(false);
    expect(matches(grep, 'Something @guide:accountX2')).toBe(false);
  });

  it('with a tag, only the scenarios that carry the tag too', () => {
    const grep = grepFor(variant('x', ['account.1'], 'asvs:6.3.8'));
    expect(matches(grep, 'Walk @keyboard @guide:account.1 @asvs:6.3.8')).toBe(true);
    expect(matches(grep, 'Walk @guide:account.1')).toBe(false);
    expect(matches(grep, 'Walk @asvs:6.3.8')).toBe(false);
  });
});

describe('the sweep’s verdict', () => {
  const full = { skipClean: false, reportOnly: false };

  it('calls the clean mock green only when it ran, reported scenarios and none failed or was flaky', () => {
    expect(cleanIsGreen(full, 0, [scenario('passed'), scenario('skipped')])).toBe(true);
    expect(cleanIsGreen(full, 0, [])).toBe(false);
    expect(cleanIsGreen(full, 1, [scenario('passed')])).toBe(false);
    expect(cleanIsGreen(full, 0, [scenario('passed'), scenario('flaky')])).toBe(false);
    expect(cleanIsGreen(full, undefined, [scenario('passed')])).toBe(false);
  });

  it('trusts the last results for --report-only, and leaves the clean mock out for --skip-clean', () => {
    expect(cleanIsGreen({ skipClean: false, reportOnly: true }, undefined, [scenario('passed')])).toBe(true);
    expect(cleanIsGreen({ skipClean: true, reportOnly: false }, undefined, [])).toBe(true);
  });

  it('fails unless the clean mock is green and every variant was caught as expected', () => {
    expect(driftExitCode(true, [outcome('a', 'caught')])).toBe(0);
    expect(driftExitCode(false, [outcome('a', 'caught')])).toBe(1);
    expect(driftExitCode(true, [outcome('a', 'caught'), outcome('b', 'caught by the wrong step')])).toBe(1);
  });

  it('fails when a failed scenario of a caught variant left no trace', () => {
    expect(driftExitCode(true, [outcome('a', 'caught', { failed: 2, traced: 2 })])).toBe(0);
    expect(driftExitCode(true, [outcome('a', 'caught', { failed: 2, traced: 1 })])).toBe(1);
  });

  it('says per variant whether its failed scenarios left a trace, and names the variants whose did not', () => {
    const report: DriftReport = {
      generatedAt: '2026-01-01T00:00:00Z',
      seconds: 60,
      clean: { passed: 40, failed: 0 },
      variants: [outcome('a-renamed', 'caught'), outcome('b-moved', 'caught', { failed: 2, traced: 1 })],
    };
    const lines = driftTable(report, { skipClean: false, cleanGreen: true });
    expect(lines.find((l) => l.startsWith('variant'))).toMatch(/guide steps\s+trace\s+deciding record/);
    expect(lines.find((l) => l.startsWith('a-renamed'))).toMatch(/account\.2\s+yes\s+account\.2 renamed/);
    expect(lines.find((l) => l.startsWith('b-moved'))).toMatch(/account\.2\s+no \(1 of 2\)/);
    expect(lines.at(-1)).toBe('✘ Failed scenarios without a trace in 1 variant(s): b-moved.');
  });

  it('prints a line per variant and how many were caught', () => {
    const report: DriftReport = {
      generatedAt: '2026-01-01T00:00:00Z',
      seconds: 125,
      clean: { passed: 40, failed: 1 },
      variants: [outcome('a-renamed', 'caught'), outcome('b-hover', 'survived')],
    };
    const lines = driftTable(report, { skipClean: false, cleanGreen: false });
    expect(lines[0]).toBe('Clean mock: 40 passed, 1 failed  ✘ NOT GREEN');
    expect(lines.find((l) => l.startsWith('b-hover'))).toMatch(/survived\s+—\s+—/);
    expect(lines.at(-2)).toBe(
      '1 of 2 variants caught by the guide step expected, as the kind of drift or finding expected (50%), in 2 min 5 s.',
    );
    expect(lines.at(-1)).toBe('Every failed scenario left a trace (its evidence run).');
    expect(driftTable(report, { skipClean: true, cleanGreen: true })[0]).toBe('Clean mock: not run (--skip-clean)');
  });
});

// Each of these fails when the sweep's plan or table is broken in one small way (docs/mutation-testing.md).
describe('the sweep’s plan and table, held to each of their parts', () => {
  it('runs each variant on its own guide steps’ scenarios, stopping at the first failure', () => {
    const args = { skipClean: true, reportOnly: false, variants: [CATALOGUE[0]!], partial: true };
    expect(sweepRuns(args)).toEqual([
      { name: 'a-renamed', args: ['--grep', grepFor(CATALOGUE[0]!), '--max-failures=1'], drift: 'a-renamed' },
    ]);
  });

  it('is not green with a failed and a flaky scenario', () => {
    const full = { skipClean: false, reportOnly: false };
    expect(cleanIsGreen(full, 0, [scenario('passed'), scenario('failed'), scenario('flaky')])).toBe(false);
  });

  it('prints the heading, each variant’s steps and the deciding record, clipped to the table’s width', () => {
    const long = {
      ...outcome('a-renamed', 'caught'),
      guideSteps: ['account.2', 'account.3'],
      message: 'm'.repeat(120),
    };
    const report: DriftReport = {
      generatedAt: '2026-01-01T00:00:00Z',
      seconds: 61,
      clean: { passed: 40, failed: 0 },
      variants: [
        long,
        { ...outcome('b-exact', 'caught'), message: 'e'.repeat(110) },
        outcome('a-much-longer-variant-name-than-thirty', 'survived'),
      ],
    };
    const lines = driftTable(report, { skipClean: false, cleanGreen: true });
    const width = 'a-much-longer-variant-name-than-thirty'.length;
    expect(lines[0]).toBe('Clean mock: 40 passed, 0 failed');
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe(
      `${'variant'.padEnd(width)} ${'caught as'.padEnd(24)} ${'verdict'.padEnd(29)} ${'guide steps'.padEnd(22)} ${'trace'.padEnd(12)} deciding record`,
    );
    expect(lines[3]).toBe(
      `${'a-renamed'.padEnd(width)} ${caughtAs(long).padEnd(24)} ${'caught'.padEnd(29)} ${'account.2, account.3'.padEnd(22)} ${traceCell(long.traces).padEnd(12)} ${'m'.repeat(109)}…`,
    );
    expect(lines[4]!.endsWith(` ${'e'.repeat(110)}`)).toBe(true);
    expect(lines.at(-3)).toBe('');
    expect(lines.at(-2)).toBe(
      '2 of 3 variants caught by the guide step expected, as the kind of drift or finding expected (67%), in 1 min 1 s.',
    );
  });
});
