import { describe, expect, it } from 'vitest';
import {
  causeLines,
  checksOf,
  groupByCause,
  SCENARIOS_PER_CAUSE,
  terminalVerdict,
  whereOf,
} from '../../harness/reporting/compact-terminal.ts';
import { OUTCOME_ATTACHMENT, outcomeBody, type OutcomeRecord } from '../../harness/scenario/outcome.ts';
import { FINDING_ATTACHMENT, findingBody } from '../../harness/scenario/finding.ts';

const record: OutcomeRecord = {
  guideStep: 'account.2',
  kind: 'renamed',
  guideSays: 'Choose “Your Account”.',
  siteShowed: 'The pop-up menu has no “Your Account”; it has “Account settings”.',
};

const attached = (name: string, body: string) => ({ name, contentType: 'application/json', body: Buffer.from(body) });

const causeOf = (result: Parameters<typeof checksOf>[0]) => checksOf(result)[0]!;

describe('the cause a failed scenario prints', () => {
  it('is its first outcome record, in the words of every report', () => {
    const cause = causeOf({
      attachments: [attached(OUTCOME_ATTACHMENT, outcomeBody(record))],
      errors: [{ message: 'Guide step account.2: …\n    at harness code' }],
    });
    expect(cause.line).toBe(
      'account.2: Drift (renamed): The pop-up menu has no “Your Account”; it has “Account settings”.',
    );
  });

  it('comes with every later record of the scenario, in the order they failed', () => {
    const later = { ...record, kind: 'behaviour' as const, siteShowed: 'Nothing happened.' };
    const checks = checksOf({
      attachments: [
        attached(OUTCOME_ATTACHMENT, outcomeBody(record)),
        attached(OUTCOME_ATTACHMENT, outcomeBody(later)),
      ],
      errors: [],
    });
    expect(checks.map((c) => c.line)).toEqual([
      'account.2: Drift (renamed): The pop-up menu has no “Your Account”; it has “Account settings”.',
      'account.2: Drift (behaviour): Nothing happened.',
    ]);
  });

  it('is its finding when it has no drift', () => {
    const finding = findingBody({
      class: 'security',
      rule: 'ASVS 3.4.2',
      page: '/',
      subject: 'The session cookie',
      guideStep: 'sign-in.4',
      says: 'The “sid” cookie is not HttpOnly.',
    });
    expect(causeOf({ attachments: [attached(FINDING_ATTACHMENT, finding)], errors: [] }).line).toBe(
      'sign-in.4: Site finding (security): The “sid” cookie is not HttpOnly.',
    );
  });

  it('is the first line of its error, without colours, when it named no drift', () => {
    const cause = causeOf({
      attachments: [],
      errors: [{ message: '\u001b[31mTimeout 30000ms exceeded.\u001b[39m\nCall log:' }],
    });
    expect(cause.line).toBe('Timeout 30000ms exceeded.');
  });
});

describe('the failed scenarios at the end of a run', () => {
  const check = (line: string, key: string, guideStep: string, namesAChange = false) => ({
    line,
    key,
    guideStep,
    namesAChange,
  });
  const renamed = [check('account.2: renamed', 'renamed', 'account.2', true)];
  const failed = [
    { where: 'features/a.feature › One', checks: renamed },
    { where: 'features/a.feature › Two', checks: [check('phone.5: contrast', 'contrast', 'phone.5', true)] },
    // The same change, met with other words around it (another account's profiles in the menu).
    { where: 'features/a.feature › Three', checks: [check('account.2: renamed, with Kids', 'renamed', 'account.2')] },
    ...['Four', 'Five', 'Six'].map((name) => ({ where: `features/b.feature › ${name}`, checks: renamed })),
  ];

  it('are grouped by cause, each cause once, in the order first met', () => {
    expect(groupByCause(failed)).toEqual([
      {
        cause: 'account.2: renamed',
        scenarios: failed.filter((f) => f.checks[0]!.key === 'renamed').map((f) => f.where),
      },
      { cause: 'phone.5: contrast', scenarios: ['features/a.feature › Two'] },
    ]);
  });

  it('fold the checks that failed after an earlier one of the same guide step into it, as the digest does', () => {
    const stillSignedIn = check('password.4: Device B is still signed in', 'still', 'password.4');
    const saysNothing = check('password.4: the sign in page says nothing', 'nothing', 'password.4');
    const groups = groupByCause([
      {
        where: 'features/change-password.feature › With a tick',
        checks: [check('password.4: sessions kept', 'sessions', 'password.4'), stillSignedIn, saysNothing],
      },
      { where: 'features/security.feature › Back button', checks: [stillSignedIn, saysNothing] },
    ]);
    expect(groups).toEqual([
      {
        cause: 'password.4: sessions kept',
        scenarios: ['features/change-password.feature › With a tick', 'features/security.feature › Back button'],
      },
    ]);
  });

  it('list a few scenarios per cause and count the rest, however many failed', () => {
    const lines = causeLines(groupByCause(failed), 'reports');
    expect(lines[0]).toBe('\n6 scenario(s) failed, by cause (2):');
    expect(lines.filter((line) => line.includes('✘'))).toHaveLength(SCENARIOS_PER_CAUSE + 1);
    expect(lines).toContain('     … and 2 more');
    expect(lines.at(-1)).toMatch(/reports\/playwright-html\/index\.html/);
    const many = Array.from({ length: 500 }, (_, i) => ({ where: `features/c.feature › ${i}`, checks: renamed }));
    expect(causeLines(groupByCause(many), 'reports').length).toBeLessThan(10);
  });

  it('print nothing when none failed', () => {
    expect(causeLines([], 'reports')).toEqual([]);
  });
});

describe('one change of the site', () => {
  it('is one cause wherever it was met, whatever else the page offered', () => {
    const rewrite = { kind: 'renamed' as const, guideLabel: 'Your Account', siteLabel: 'Account' };
    const inAlexsMenu = { ...record, rewrite, siteShowed: 'No “Your Account”; it offers “Alex”, “Account”.' };
    const inKidsMenu = {
      ...record,
      rewrite,
      guideStep: 'sign-out-account.1',
      siteShowed: 'No “Your Account”; it offers “Kids”, “Account”.',
    };
    const cause = (r: OutcomeRecord) =>
      causeOf({ attachments: [attached(OUTCOME_ATTACHMENT, outcomeBody(r))], errors: [] });
    expect(cause(inAlexsMenu).key).toBe(cause(inKidsMenu).key);
    expect(cause(record).key).not.toBe(cause({ ...record, siteShowed: 'Another sentence.' }).key);
  });
});

describe('where a failed scenario is', () => {
  it('names the feature file, not the generated spec', () => {
    const test = {
      title: 'Signing in works',
      location: { file: '/repo/.features-gen/features/guide/sign-in.feature.spec.js', line: 10, column: 3 },
    };
    expect(whereOf(test, '/repo')).toBe('features/guide/sign-in.feature › Signing in works');
  });
});

describe('a scenario’s verdict in the terminal', () => {
  const ended = (statuses: ('passed' | 'failed' | 'timedOut' | 'skipped')[], retries: number) =>
    terminalVerdict(
      { results: statuses.map((status) => ({ status })) as never, retries },
      { retry: statuses.length - 1, status: statuses.at(-1)! },
    );

  it('waits for a failure’s evidence run, then tells its first attempt’s verdict', () => {
    expect(ended(['failed'], 1)).toBe('to follow');
    expect(ended(['failed', 'failed'], 1)).toBe('failed');
    expect(ended(['timedOut', 'passed'], 1)).toBe('flaky');
  });

  it('tells a failure the cap left without an evidence run at once, and a pass or a skip as it is', () => {
    expect(ended(['failed'], 0)).toBe('failed');
    expect(ended(['passed'], 1)).toBe('passed');
    expect(ended(['skipped'], 1)).toBe('skipped');
  });
});
