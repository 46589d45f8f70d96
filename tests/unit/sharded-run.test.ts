import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { gatherShards } from '../../commands/merge-reports.ts';
import { judgeRun, qualityGate } from '../../commands/quality-gate.ts';
import { finding } from '../support/findings.ts';
import { planShards, shardsLine } from '../../commands/sharded-run.ts';
import { shardingProblems, shardingTable, type RunReports } from '../../commands/sharding-check.ts';
import { reportPaths } from '../../harness/config/reports-dir.ts';
import type { ScenarioOutcome } from '../../harness/reporting/scenario-outcome.ts';
import { scenarioOutcome } from '../support/scenario-outcomes.ts';

const scenario = scenarioOutcome;

const put = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};

describe('guide:sharded’s plan', () => {
  it('runs 2 shards by default, all at once unless capped', () => {
    expect(planShards([])).toEqual({ shards: 2, atOnce: 2, selection: [] });
    expect(planShards(['4', 'features/a.feature'], '1')).toEqual({
      shards: 4,
      atOnce: 1,
      selection: ['features/a.feature'],
    });
    expect(planShards(['3'], 'lots')).toMatchObject({ atOnce: 3 });
  });

  it('refuses a shard count that is not a whole number of at least 1', () => {
    for (const bad of ['0', '1.5', 'two']) expect(planShards([bad])).toHaveProperty('error');
  });

  it('says which shards passed', () => {
    expect(shardsLine([0, 1])).toBe('Shards: 1/2 passed, 2/2 FAILED');
  });
});

describe('reports:merge gathers the shards', () => {
  it('names every blob after its shard, and copies Allure and test results beside the run’s', () => {
    const root = mkdtempSync(join(tmpdir(), 'merge-'));
    put(join(root, 'shards/shard-1/blob/report.zip'), 'one');
    put(join(root, 'shards/shard-1/allure-results/a-result.json'), '{}');
    put(join(root, 'shards/shard-2/blob/report.zip'), 'two');
    put(join(root, 'shards/shard-2/test-results/x/trace.zip'), 'trace');
    const paths = reportPaths(join(root, 'reports'));

    const merged = gatherShards([join(root, 'shards/shard-1'), join(root, 'shards/shard-2')], paths);

    expect(readdirSync(merged).sort()).toEqual(['shard-1-report.zip', 'shard-2-report.zip']);
    expect(readFileSync(join(merged, 'shard-2-report.zip'), 'utf8')).toBe('two');
    expect(readdirSync(paths.allureResults)).toEqual(['a-result.json']);
    expect(readdirSync(join(paths.testResults, 'x'))).toEqual(['trace.zip']);
  });

  it('merges what there is when a shard left no blob, and says so', () => {
    const root = mkdtempSync(join(tmpdir(), 'merge-'));
    put(join(root, 'shard-1/blob/report.zip'), 'one');
    mkdirSync(join(root, 'shard-2'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const merged = gatherShards([join(root, 'shard-1'), join(root, 'shard-2')], reportPaths(join(root, 'reports')));
    expect(readdirSync(merged)).toEqual(['shard-1-report.zip']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('shard-2 has no blob/'));
    warn.mockRestore();
  });
});

describe('the quality gate', () => {
  it('passes a run where every scenario passed or was skipped on purpose', () => {
    const verdict = judgeRun([scenario(1, 'passed'), scenario(2, 'skipped')], { count: 2, selected: false });
    expect(verdict).toEqual({
      summary: 'Quality gate: 1 passed, 0 failed, 0 flaky, 2/2 scenarios reported.',
      problems: [],
    });
  });

  it('fails a run that reported nothing, even when nothing was expected', () => {
    expect(judgeRun([], { count: 0, selected: true }).problems).toEqual(['no scenario reported a result']);
    expect(judgeRun([], { count: 5, selected: false }).problems).toEqual(['no scenario reported a result']);
  });

  it('fails a failed or flaky scenario, and a scenario lost on the way', () => {
    const verdict = judgeRun([scenario(1, 'failed'), scenario(2, 'flaky')], { count: 3, selected: true });
    expect(verdict.problems).toEqual([
      '1 scenario(s) failed',
      '1 scenario(s) were flaky (failed, then passed on their evidence run)',
      'only 2 of the 3 selected scenarios reported a result',
    ]);
  });

  it('fails a run whose scenarios all passed but met a finding the site profile says fails the run', () => {
    const met = { ...scenario(1, 'passed'), findings: [finding()] };
    const policies = { accessibility: 'fail', security: 'fail', resilience: 'fail', looks: 'warn' } as const;
    expect(judgeRun([met], { count: 1, selected: false }, policies).problems).toEqual([
      '1 site finding(s) fail the run as the site profile says (accessibility)',
    ]);
    expect(judgeRun([met], { count: 1, selected: false }, { ...policies, accessibility: 'warn' }).problems).toEqual([]);
  });
});

describe('the sharding check', () => {
  const reports = (name: string, playwright: ScenarioOutcome[], cucumber = playwright): RunReports => ({
    name,
    playwright,
    cucumber,
  });

  it('finds nothing when both runs report the same scenarios alike', () => {
    const same = [scenario(1, 'passed'), scenario(2, 'failed')];
    expect(shardingProblems(reports('single run', same), reports('2 shards', [...same].reverse()))).toEqual([]);
  });

  it('names a scenario lost, a status changed, and a run that reported nothing', () => {
    const single = reports('single run', [scenario(1, 'passed'), scenario(2, 'passed')]);
    const sharded = reports('2 shards', [scenario(1, 'failed')], []);
    expect(shardingProblems(single, sharded)).toEqual([
      'Playwright JSON: features/a.feature:1 s1: passed under single run, failed under 2 shards',
      'Playwright JSON: only single run has features/a.feature:2 s2',
      'Cucumber JSON: only single run has features/a.feature:1 s1',
      'Cucumber JSON: only single run has features/a.feature:2 s2',
    ]);
    expect(shardingProblems(single, reports('2 shards', []))[0]).toBe('the 2 shards reported no scenario');
  });

  it('shows each scenario of the single run beside the sharded one', () => {
    const lines = shardingTable(reports('single run', [scenario(1, 'passed')]), reports('2 shards', []));
    expect(lines[1]).toBe('  ≠ passed   missing  features/a.feature:1 s1');
    expect(lines.at(-1)).toBe('Single run: 1 passed; 2 shards: nothing.');
  });
});

describe('the quality gate’s exit status', () => {
  it('fails, saying why, when the run wrote no report', () => {
    const paths = reportPaths(mkdtempSync(join(tmpdir(), 'gate-')));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(qualityGate(2, paths)).toBe(1);
    expect(log).toHaveBeenCalledWith('Quality gate: 0 passed, 0 failed, 0 flaky, 0/2 scenarios reported.');
    expect(error).toHaveBeenCalledWith('Quality gate FAILED: no scenario reported a result.');
    expect(log).not.toHaveBeenCalledWith('Quality gate passed.');
    log.mockRestore();
    error.mockRestore();
  });

  it('passes a selection whose scenarios all passed, and holds a run without one to every scenario written', () => {
    const paths = reportPaths(mkdtempSync(join(tmpdir(), 'gate-')));
    const passed = {
      title: 'x',
      file: 'features/x.feature',
      line: 1,
      tags: [],
      tests: [{ results: [{ status: 'passed' }] }],
    };
    writeFileSync(paths.playwrightJson, JSON.stringify({ suites: [{ title: 'x', specs: [passed] }] }));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(qualityGate(1, paths)).toBe(0);
    expect(log).toHaveBeenLastCalledWith('Quality gate passed.');
    expect(error).not.toHaveBeenCalled();
    const failed = { ...passed, title: 'y', tests: [{ results: [{ status: 'failed' }] }] };
    writeFileSync(paths.playwrightJson, JSON.stringify({ suites: [{ title: 'x', specs: [passed, failed] }] }));
    expect(qualityGate(3, paths)).toBe(1);
    expect(error).toHaveBeenLastCalledWith(
      'Quality gate FAILED: 1 scenario(s) failed; only 2 of the 3 selected scenarios reported a result.',
    );
    expect(qualityGate(undefined, paths)).toBe(1);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/only 2 of the \d+ written scenarios reported a result/));
    log.mockRestore();
    error.mockRestore();
  });

  it('names the scenarios written, not selected, when no selection was made', () => {
    expect(judgeRun([scenario(1, 'passed')], { count: 3, selected: false }).problems).toEqual([
      'only 1 of the 3 written scenarios reported a result',
    ]);
  });

  it('names every class of the findings that fail the run', () => {
    const security = finding({ class: 'security', rule: 'ASVS 2.2.1', subject: 'Guesses at once' });
    const met = { ...scenario(1, 'passed'), findings: [finding(), security] };
    expect(judgeRun([met], { count: 1, selected: false }).problems).toEqual([
      '2 site finding(s) fail the run as the site profile says (accessibility, security)',
    ]);
  });
});
