// The mutants of the focused scope that survive on purpose, each with why no test should kill it (an equivalent
// mutant, words only a person reads). `npm run mutation` fails on any survivor not listed here (commands/mutation-report.ts).

/**
 * A survivor is found by its file, Stryker's mutator and the code it replaced, never by line number: an edit elsewhere
 * in the file keeps the explanation. When the same code is mutated in several places, `within` (a piece of the line the
 * mutant is on) or `replacement` says which one is explained.
 */
export interface Explanation {
  file: string;
  /** Stryker's mutator name: ConditionalExpression, StringLiteral, EqualityOperator, … */
  mutator: string;
  /** The code Stryker replaced, as written (whitespace is collapsed before comparing). */
  original: string;
  replacement?: string;
  /** A piece of the line the mutant starts on. */
  within?: string;
  /** Why the mutant may live, in one sentence. */
  reason: string;
}

export const EXPLAINED: readonly Explanation[] = [
  // Equivalent mutants: the code does the same whatever the mutant changes.
  {
    file: 'harness/reporting/guide-verdicts.ts',
    mutator: 'ConditionalExpression',
    original: 'o.records.length > 0',
    reason:
      'A failure without records is found first as unexplained and decides the verdict, so blamed only ever meets failures with records.',
  },
  {
    file: 'harness/reporting/guide-verdicts.ts',
    mutator: 'EqualityOperator',
    original: 'o.records.length > 0',
    reason:
      'A failure without records is found first as unexplained and decides the verdict, so blamed only ever meets failures with records.',
  },
  {
    file: 'harness/reporting/guide-verdicts.ts',
    mutator: 'ConditionalExpression',
    original: "o.status === 'skipped'",
    replacement: 'true',
    reason: 'The readers give a skip reason only to a skipped scenario, so having one already means skipped.',
  },
  {
    file: 'harness/reporting/guide-verdicts.ts',
    mutator: 'Regex',
    original: "/^needs the site's test-control API[^:]*: /",
    reason: 'The skip reason is written by steps/ and always begins with these words, so the anchor changes nothing.',
  },
  {
    file: 'harness/reporting/drift-sweep.ts',
    mutator: 'ConditionalExpression',
    original: 'failures.length === 0',
    replacement: 'false',
    reason:
      'A finding variant with no failure and no finding falls through to the same survived verdict a few lines below.',
  },
  {
    file: 'harness/reporting/site-findings.ts',
    mutator: 'ArrayDeclaration',
    original: '[]',
    within: 'outcome.looks ?? []',
    reason:
      'A list of one string has no look whose verdict is "looks different", so no finding comes of it either way.',
  },
  {
    file: 'commands/suite-tally.ts',
    mutator: 'ConditionalExpression',
    original: 'exitStatus === 0',
    within: 'if (!report || exitStatus === 0 ||',
    reason: 'The early return is a shortcut: runnerTally with exit status 0 returns the tally unchanged.',
  },
  {
    file: 'commands/suite-tally.ts',
    mutator: 'ConditionalExpression',
    original: '!report || exitStatus === 0',
    reason:
      'With a report and exit status 0, runnerTally returns the tally unchanged, so skipping the shortcut changes nothing.',
  },
  {
    file: 'commands/suite-tally.ts',
    mutator: 'LogicalOperator',
    original: '!report || exitStatus === 0',
    reason:
      'With a report and exit status 0, runnerTally returns the tally unchanged, so skipping the shortcut changes nothing.',
  },
  {
    file: 'harness/scenario/failed-check.ts',
    mutator: 'Regex',
    original: '/^./',
    reason: 'Without the anchor the pattern still matches the first character first, so the same letter is lowered.',
  },
  ...[
    'harness/reporting/guide-verdicts.ts',
    'harness/reporting/drift-sweep.ts',
    'harness/reporting/what-changed.ts',
  ].map((file): Explanation => ({
    file,
    mutator: 'StringLiteral',
    original: "''",
    within: ".split('\\n')[0] ?? ''",
    reason: 'Splitting a string always gives a first part, so the fallback after it is never used.',
  })),
  {
    file: 'commands/mutation-report.ts',
    mutator: 'StringLiteral',
    original: "'utf8'",
    reason: 'Without an encoding readFileSync gives a Buffer, which JSON.parse reads as the same UTF-8 text.',
  },
  // Stryker's own limits.
  {
    file: 'commands/mutation-report.ts',
    mutator: 'ArrowFunction',
    original: "async (args, env) => (await run(bin('stryker'), args, { echo: true, env })).exitCode",
    reason:
      'It starts Stryker itself, which no test can do inside a Stryker run; every npm run mutation runs it, and the tests drive the command through a fake.',
  },
  {
    file: 'commands/mutation-report.ts',
    mutator: 'StringLiteral',
    original: "'stryker'",
    reason: 'It starts Stryker itself, which no test can do inside a Stryker run; every npm run mutation runs it.',
  },
  {
    file: 'commands/mutation-report.ts',
    mutator: 'ObjectLiteral',
    original: '{ echo: true, env }',
    reason: 'It starts Stryker itself, which no test can do inside a Stryker run; every npm run mutation runs it.',
  },
  {
    file: 'commands/mutation-report.ts',
    mutator: 'BooleanLiteral',
    original: 'true',
    within: 'echo: true, env',
    reason: 'Whether the command line is printed before Stryker starts: words for a person.',
  },
  ...[
    {
      file: 'harness/scenario/json-attachment.ts',
      mutator: 'BlockStatement',
      original:
        '{ return { body: (record: T): string => JSON.stringify(schema.parse(record)), read: (body: string, where: string): T => { const parsed = schema.safeParse(JSON.parse(body)); if (!parsed.success) throw new Error(`${where}: not ${what}: ${z.prettifyError(parsed.error)}`); return parsed.data; }, }; }',
    },
    { file: 'harness/scenario/outcome.ts', mutator: 'StringLiteral', original: "'kind'" },
    {
      file: 'harness/scenario/outcome.ts',
      mutator: 'ObjectLiteral',
      original: "{ kind: z.literal('renamed'), guideLabel: z.string(), siteLabel: z.string() }",
    },
    {
      file: 'harness/scenario/outcome.ts',
      mutator: 'ObjectLiteral',
      original: "{ kind: z.literal('moved'), guideLabel: z.string(), where: z.string() }",
    },
    {
      file: 'harness/scenario/outcome.ts',
      mutator: 'ObjectLiteral',
      original: "{ kind: z.literal('missing'), guideLabel: z.string() }",
    },
    {
      file: 'harness/scenario/outcome.ts',
      mutator: 'ObjectLiteral',
      original: "{ kind: z.literal('reordered'), guideOrder: z.array(z.string()), siteOrder: z.array(z.string()) }",
    },
  ].map((mutant): Explanation => ({
    ...mutant,
    reason:
      'The module then throws as it loads, so every test file importing it fails (npm test counts a file that did not load as a failure), but Stryker’s vitest runner counts a file that ran no test as no kill.',
  })),
  // Contrived inputs: the change shows only with text the harness never meets.
  {
    file: 'harness/scenario/failed-check.ts',
    mutator: 'Regex',
    original: '/^Received (array|object|string)/',
    reason:
      'A line kept here starts with Expected or Received, so "Received array" later in it would need a matcher message no matcher writes.',
  },
  {
    file: 'harness/scenario/finding.ts',
    mutator: 'Regex',
    original: '/^@/',
    reason:
      'Tags never hold an "@" but at their start, so removing the first one anywhere is removing the leading one.',
  },
  {
    file: 'commands/suite-tally.ts',
    mutator: 'StringLiteral',
    original: "'/'",
    reason:
      'Only a folder ending in "tests/unit/" without being it (say "othertests/unit/") would tell the two apart, and the repository has none.',
  },
  // Names used only through their constant: writer and readers agree whatever the value.
  {
    file: 'harness/scenario/outcome.ts',
    mutator: 'StringLiteral',
    original: "'guide-outcome'",
    reason:
      'The attachment name is written and read only through OUTCOME_ATTACHMENT, so any value round-trips; only reports written before a change would be lost.',
  },
  {
    file: 'harness/scenario/steps-held.ts',
    mutator: 'StringLiteral',
    original: "'guide-steps-held'",
    reason: 'The attachment name is written and read only through STEPS_HELD_ATTACHMENT, so any value round-trips.',
  },
  {
    file: 'harness/scenario/steps-held.ts',
    mutator: 'StringLiteral',
    original: "'application/vnd.guide-steps-held+json'",
    reason: 'The media type is written and read only through STEPS_HELD_MEDIA_TYPE, so any value round-trips.',
  },
  {
    file: 'harness/scenario/finding.ts',
    mutator: 'StringLiteral',
    original: "'site-finding'",
    within: 'FINDING_ATTACHMENT',
    reason: 'The attachment name is written and read only through FINDING_ATTACHMENT, so any value round-trips.',
  },
  {
    file: 'harness/scenario/finding.ts',
    mutator: 'StringLiteral',
    original: "'application/vnd.site-finding+json'",
    reason: 'The media type is written and read only through FINDING_MEDIA_TYPE, so any value round-trips.',
  },
  // Settings that only a browser run reads: the features and the integration tests, never run under Stryker.
  {
    file: 'harness/config/run-settings.ts',
    mutator: 'ObjectLiteral',
    original: '{ width: 1280, height: 720 }',
    reason:
      'The window size matters only to a browser: the features that measure "the right-upper corner" fail without it.',
  },
  {
    file: 'harness/config/run-settings.ts',
    mutator: 'BlockStatement',
    original: '{ return { executablePath: browser.executablePath, args: CHROMIUM_ARGS }; }',
    reason:
      'Only a browser launch reads it (every feature run fails without Chromium’s arguments); no unit test launches one.',
  },
  {
    file: 'harness/config/run-settings.ts',
    mutator: 'ObjectLiteral',
    original: '{ executablePath: browser.executablePath, args: CHROMIUM_ARGS }',
    reason:
      'Only a browser launch reads it (every feature run fails without Chromium’s arguments); no unit test launches one.',
  },
  {
    file: 'harness/config/run-settings.ts',
    mutator: 'BlockStatement',
    original:
      '{ return { viewport: VIEWPORT, actionTimeout: timeouts.actionMs, navigationTimeout: timeouts.navigationMs, launchOptions: launchOptions(browser), }; }',
    reason:
      'Playwright’s own config reads it when the features run; the stretched timeouts it passes on are unit-tested in timeoutsFor.',
  },
  {
    file: 'harness/config/run-settings.ts',
    mutator: 'ObjectLiteral',
    original:
      '{ viewport: VIEWPORT, actionTimeout: timeouts.actionMs, navigationTimeout: timeouts.navigationMs, launchOptions: launchOptions(browser), }',
    reason:
      'Playwright’s own config reads it when the features run; the stretched timeouts it passes on are unit-tested in timeoutsFor.',
  },
  {
    file: 'harness/config/run-settings.ts',
    mutator: 'BlockStatement',
    original:
      '{ const context = await browser.newContext({ viewport: VIEWPORT, baseURL }); context.setDefaultTimeout(timeouts.actionMs); context.setDefaultNavigationTimeout(timeouts.navigationMs); return context; }',
    reason: 'It opens a browser context, which only the features and the integration tests do.',
  },
  {
    file: 'harness/config/run-settings.ts',
    mutator: 'ObjectLiteral',
    original: '{ viewport: VIEWPORT, baseURL }',
    reason: 'It opens a browser context, which only the features and the integration tests do.',
  },
  {
    file: 'harness/config/run-settings.ts',
    mutator: 'ObjectLiteral',
    original:
      "{ features: 'features/**/*.feature', // guide:init's drafts have steps with no definition yet: no run generates them (harness/guide/drafts.ts). tags: NOT_A_DRAFT, steps: ['steps/fixtures.ts', 'steps/**/*.steps.ts'], outputDir: '.features-gen', }",
    reason:
      'playwright-bdd reads it to generate the tests: without it bddgen finds no feature and npm test’s features suite ran no test.',
  },
  {
    file: 'harness/config/run-settings.ts',
    mutator: 'StringLiteral',
    original: "'features/**/*.feature'",
    reason:
      'playwright-bdd reads it to generate the tests: without it bddgen finds no feature and npm test’s features suite ran no test.',
  },
  {
    file: 'harness/config/run-settings.ts',
    mutator: 'ArrayDeclaration',
    original: "['steps/fixtures.ts', 'steps/**/*.steps.ts']",
    reason: 'playwright-bdd reads it to find the step definitions: without them bddgen stops on every undefined step.',
  },
  {
    file: 'harness/config/run-settings.ts',
    mutator: 'StringLiteral',
    original: "'steps/fixtures.ts'",
    reason: 'playwright-bdd reads it to find the fixtures: without them bddgen stops on every step.',
  },
  {
    file: 'harness/config/run-settings.ts',
    mutator: 'StringLiteral',
    original: "'steps/**/*.steps.ts'",
    reason: 'playwright-bdd reads it to find the step definitions: without them bddgen stops on every undefined step.',
  },
  {
    file: 'harness/config/run-settings.ts',
    mutator: 'StringLiteral',
    original: "'.features-gen'",
    reason: 'Where bddgen writes the generated tests: any folder works, and an empty one fails the first feature run.',
  },
  // Words only a person reads.
  {
    file: 'commands/drift-plan.ts',
    mutator: 'StringLiteral',
    original: "', '",
    within: 'Unknown drift variant',
    reason: 'The separator of the names in an error message a person reads; the test checks which names it lists.',
  },
];
