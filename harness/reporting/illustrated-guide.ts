import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chooseEvidence } from './evidence-choice.ts';
import type { Coverage } from './guide-coverage.ts';
import type { Guide, GuideStep } from '../guide/guide.ts';
import type { StepVerdict } from './guide-verdicts.ts';
import { driftLine } from '../scenario/outcome.ts';
import { rewriteSentence } from './guide-rewrite.ts';
import { imageTypeOf } from '../scenario/step-pictures.ts';
import { gapStatus, type GuideGap } from './guide-gaps.ts';
import { lookSentence, type LookRecord } from './guide-looks.ts';
import type { ScenarioOutcome } from './scenario-outcome.ts';
import type { SiteFinding } from './site-findings.ts';
import type { Cause } from './what-changed.ts';

/** The one picture of a guide step, as the page shows it. */
export interface GuidePicture {
  data: Buffer;
  type: 'image/jpeg' | 'image/png';
  scenario: ScenarioOutcome;
  /** The Gherkin step after which it was taken, when the report names it. */
  gherkinStep?: string;
}

export interface IllustratedGuideInput {
  guide: Guide;
  verdicts: StepVerdict[];
  coverage: Coverage;
  environment: Record<string, string>;
  outputDir: string;
  /** Extra sections appended at the end (e.g. the drift catalogue's summary), already HTML. */
  appendix?: string;
  /** A selection's sentence (harness/config/run-kind.ts); absent for a full run. */
  selection?: string;
  /** Each step's picture, already made small; without it the chosen screenshots go in as they are. */
  pictures?: Map<string, GuidePicture>;
  /** The run's reports folder, which the page links to (its Allure, Playwright and Cucumber reports). */
  reportsDir?: string;
  /** The page listing every guide, when there is one. */
  indexPage?: string;
  /** How each pictured step's look compares with its accepted picture (harness/reporting/guide-looks.ts), by step id. */
  looks?: Map<string, ShownLook>;
  /** What the guide leaves out (harness/reporting/guide-gaps.ts), with each run's picture by its file's path. */
  gaps?: { gaps: GuideGap[]; pictures: Map<string, Picture> };
  /** The site's own defects met while following this guide, each once (harness/reporting/site-findings.ts). */
  findings?: SiteFinding[];
  /** What changed: each distinct cause of this guide's failures once, with what to do next (what-changed.ts). */
  causes?: Cause[];
  /** Set when the site has no accepted pictures yet: the one line saying how to accept them, instead of one a step. */
  noAcceptedPictures?: string;
}

export interface Picture {
  data: Buffer;
  type: 'image/jpeg' | 'image/png';
}

/** A step's look as the page shows it: the record, and the accepted picture, today's and what differs. */
export interface ShownLook {
  record: LookRecord;
  accepted?: Picture;
  today?: Picture;
  diff?: Picture;
}

export type ShownVerdict = Exclude<StepVerdict['verdict'], 'prose'> | 'not selected';

/**
 * What a card says: stale when the guide's wording changed; in a selection, a step that has checks which the
 * selection left out was not run in this selection, never "not covered".
 */
export function shownVerdict(v: StepVerdict, stale: boolean, writtenChecks: number, selection: boolean): ShownVerdict {
  if (stale) return 'stale';
  const verdict = v.verdict as Exclude<StepVerdict['verdict'], 'prose'>;
  // Scenarios skipped with a reason were selected: the step reads "not run", with that reason.
  if (selection && writtenChecks > 0 && (verdict === 'not covered' || (verdict === 'not run' && !v.reason)))
    return 'not selected';
  return verdict;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * The guide in its own words and order, each instruction beside what the site did today: a verdict, a fresh
 * screenshot with the element the guide names outlined, the scenarios behind it, and links to the evidence.
 * One static page that opens from disk.
 */
export function writeIllustratedGuide({
  guide,
  verdicts,
  coverage,
  environment,
  outputDir,
  appendix = '',
  selection,
  pictures = originalPictures(verdicts),
  reportsDir = join(outputDir, '..'),
  indexPage,
  looks = new Map(),
  gaps,
  findings = [],
  causes = [],
  noAcceptedPictures,
}: IllustratedGuideInput): string {
  const report = (path: string) => escape(relative(outputDir, join(reportsDir, path)));
  mkdirSync(outputDir, { recursive: true });
  // Pictures are inside the page now (one file to send); an img/ folder of an older run would only mislead.
  rmSync(join(outputDir, 'img'), { recursive: true, force: true });
  const rows = new Map(coverage.rows.map((r) => [r.step.id, r]));
  const shown = (v: StepVerdict): ShownVerdict => {
    const row = rows.get(v.step.id);
    return shownVerdict(v, row?.stale ?? false, row?.scenarios.length ?? 0, selection !== undefined);
  };
  const actions = verdicts.filter((v) => v.step.kind === 'action');
  const count = (verdict: ShownVerdict) => actions.filter((v) => shown(v) === verdict).length;
  const allGuides = indexPage
    ? `<p class="links"><a href="${escape(relative(outputDir, indexPage))}">← Every guide</a></p>`
    : '';

  const body = verdicts
    .map((v) =>
      v.step.kind === 'action'
        ? actionCard(
            v,
            shown(v),
            pictures.get(v.step.id),
            { page: outputDir, playwrightReport: join(reportsDir, 'playwright-html') },
            noAcceptedPictures ? undefined : looks.get(v.step.id),
          )
        : proseBlock(v.step),
    )
    .join('\n');
  const banner = selection
    ? `<p class="selection" role="note">${escape(selection)}. Steps whose checks were left out read “not run in this selection”; the last full run's report is in reports/guide.</p>`
    : '';

  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(guide.title)} — verified against the site</title>
<style>${STYLE}</style></head>
<body>
<header class="top">
  ${banner}${allGuides}
  <p class="kicker">The guide, checked against the site on ${escape(new Date().toUTCString())}</p>
  <h1>${escape(guide.title)}</h1>
  <p class="summary">
    <span class="badge verified">${count('verified')} verified</span>
    <span class="badge drifted">${count('drifted')} drifted</span>
    <span class="badge not-reached">${count('not reached')} not reached</span>
    <span class="badge failed">${count('failed')} failed</span>
    <span class="badge stale">${count('stale')} stale</span>
    <span class="badge not-covered">${count('not covered') + count('not run')} not checked</span>
    ${lookBadge(actions.filter((v) => looks.get(v.step.id)?.record.verdict === 'looks different').length)}
    ${gaps?.gaps.length ? `<a class="badge gap" href="#gaps">${gaps.gaps.length} left out by the guide</a>` : ''}
    ${findings.length ? `<a class="badge finding" href="#findings">${findings.length} site finding(s), apart from the guide</a>` : ''}
    ${selection ? `<span class="badge not-selected">${count('not selected')} not run in this selection</span>` : ''}
    of ${actions.length} instructions
  </p>
  <p class="legend"><b>Verified</b>: the site did what the sentence says, today. <b>Drifted</b>: a check of the sentence
  failed; what the site showed instead is shown. <b>Not reached</b>: its checks did not run, because their scenario
  failed at another sentence. <b>Failed</b>: its scenario failed without naming a drift (a crash or a timeout).
  <b>Stale</b>: the guide's wording changed since its checks were written, so the checks need a re-read.
  <b>Not checked</b>: no check covers the sentence, or it did not run. Each picture is taken right after the step
  acted, from the check that walks the guide's own path when there is one; password fields show dots when filled,
  and generated test addresses a short alias.</p>
  <dl class="env">${Object.entries(environment)
    .map(([k, v]) => `<div><dt>${escape(k)}</dt><dd>${escape(v)}</dd></div>`)
    .join('')}</dl>
  <p class="links">Full details: <a href="${report('allure-report/index.html')}">Allure report</a> ·
  <a href="${report('playwright-html/index.html')}">Playwright report</a> · <a href="${report('cucumber/report.html')}">Cucumber report</a></p>
</header>
<main>
${digestSection(causes)}
${noAcceptedPictures ? `<p class="looks muted" role="note">${escape(noAcceptedPictures)}</p>` : ''}
${body}
${findingsSection(findings)}
${gaps ? gapsSection(gaps.gaps, gaps.pictures) : ''}
</main>
${appendix}
</body></html>`;
  const path = join(outputDir, 'index.html');
  writeFileSync(path, html);
  return path;
}

/** One guide's line on the index page: its verdicts counted as its own page counts them. */
export interface GuideIndexEntry {
  guide: Guide;
  /** Its page, to link to. */
  page: string;
  counts: Record<ShownVerdict, number>;
  actions: number;
}

/** A guide's verdicts counted as its page shows them (stale first, a selection's left-out steps apart). */
export function countVerdicts(
  verdicts: StepVerdict[],
  coverage: Coverage,
  selection: boolean,
): Pick<GuideIndexEntry, 'counts' | 'actions'> {
  const rows = new Map(coverage.rows.map((r) => [r.step.id, r]));
  const counts = Object.fromEntries(Object.keys(VERDICT_WORDS).map((k) => [k, 0])) as Record<ShownVerdict, number>;
  const actions = verdicts.filter((v) => v.step.kind === 'action');
  for (const v of actions) {
    const row = rows.get(v.step.id);
    counts[shownVerdict(v, row?.stale ?? false, row?.scenarios.length ?? 0, selection)]++;
  }
  return { counts, actions: actions.length };
}

/** The page that lists every guide with its verdict counts, each linking to its own illustrated page. */
export function writeGuideIndex({
  entries,
  environment,
  outputDir,
  selection,
}: {
  entries: GuideIndexEntry[];
  environment: Record<string, string>;
  outputDir: string;
  selection?: string;
}): string {
  mkdirSync(outputDir, { recursive: true });
  const rows = entries
    .map(({ guide, page, counts, actions }) => {
      const cells = INDEX_COLUMNS.map(([label, verdicts]) => {
        const n = verdicts.reduce((sum, v) => sum + counts[v], 0);
        return `<td class="${n && label !== 'verified' ? label.replace(' ', '-') : ''}">${n}</td>`;
      }).join('');
      return `<tr><th scope="row"><a href="${escape(relative(outputDir, page))}">${escape(guide.title)}</a><br><small>guides/${escape(guide.slug)}/${escape(guide.source)}</small></th>${cells}<td>${actions}</td></tr>`;
    })
    .join('\n');
  const banner = selection ? `<p class="selection" role="note">${escape(selection)}.</p>` : '';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Every guide — verified against the site</title>
<style>${STYLE}
table.guides { border-collapse: collapse; font-family: system-ui, sans-serif; background: #fff; }
table.guides th, table.guides td { border: 1px solid #ddd; padding: .5rem .8rem; text-align: left; }
table.guides td { text-align: right; } td.drifted, td.failed { background: #fde5e3; } td.stale { background: #fff2cc; }
td.not-reached { background: #eef; } td.not-checked { background: #eee; }</style></head>
<body>
<header class="top">
  ${banner}
  <p class="kicker">Every guide, checked against the site on ${escape(new Date().toUTCString())}</p>
  <h1>The guides</h1>
  <dl class="env">${Object.entries(environment)
    .map(([k, v]) => `<div><dt>${escape(k)}</dt><dd>${escape(v)}</dd></div>`)
    .join('')}</dl>
</header>
<main>
<table class="guides"><thead><tr><th>guide</th>${INDEX_COLUMNS.map(([label]) => `<th>${label}</th>`).join('')}<th>instructions</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</main>
</body></html>`;
  const path = join(outputDir, 'index.html');
  writeFileSync(path, html);
  return path;
}

const INDEX_COLUMNS: [string, ShownVerdict[]][] = [
  ['verified', ['verified']],
  ['drifted', ['drifted']],
  ['not reached', ['not reached']],
  ['failed', ['failed']],
  ['stale', ['stale']],
  ['not checked', ['not covered', 'not run', 'not selected']],
];

function proseBlock(step: GuideStep): string {
  if (step.kind === 'title') return '';
  if (step.kind === 'image')
    return `<p class="alt" title="${escape(step.reason ?? '')}">Picture in the original guide: “${escape(step.text)}”</p>`;
  if (step.kind === 'caption') return `<p class="caption">${escape(step.text)}</p>`;
  return `<p class="prose">${escape(step.text)}</p>`;
}

const VERDICT_WORDS: Record<ShownVerdict, string> = {
  verified: '✔ Verified',
  drifted: '✘ Drifted',
  'not reached': '↷ Not reached',
  failed: '✘ Failed',
  stale: '⟳ Stale',
  'not covered': '· Not checked',
  'not run': '· Not run',
  'not selected': '· Not run in this selection',
};

function actionCard(
  v: StepVerdict,
  verdict: ShownVerdict,
  picture: GuidePicture | undefined,
  where: TraceLinkPlace,
  look?: ShownLook,
): string {
  let image = '<div class="no-picture">No picture from this run</div>';
  if (picture) {
    // Inline and never lazy: the page is one file to send, and prints to PDF with every picture.
    const src = `data:${picture.type};base64,${picture.data.toString('base64')}`;
    const { scenario } = picture.scenario;
    const from = `From “${scenario.name}” (${scenario.file}:${scenario.line})${
      picture.gherkinStep ? `, after the step “${picture.gherkinStep}”` : ''
    }`;
    image = `<figure><img src="${src}" alt="The site after: ${escape(v.step.text)}"><figcaption>${escape(from)}</figcaption></figure>`;
  }
  const reason = v.reason && verdict !== 'stale' ? reasonBlock(v, verdict) + rewriteBlock(v) : '';
  const access = accessibilityBlock(v);
  const scenarios = v.scenarios.length
    ? `<details><summary>${v.scenarios.length} check(s) behind this verdict</summary><ul>${v.scenarios
        .map(
          (s) =>
            `<li class="${s.status.replace(' ', '-')}">${SCENARIO_MARKS[s.status]} ${escape(s.scenario.name)}${traceLink(s, where)}</li>`,
        )
        .join('')}</ul></details>`
    : verdict === 'not selected'
      ? '<p class="muted">Its checks were not in this selection.</p>'
      : '<p class="muted">No check covers this sentence yet.</p>';
  return `<section class="step ${verdict.replace(' ', '-')}" id="step-${v.step.id}">
  <div class="words"><span class="id">${v.step.id}</span><blockquote>${escape(v.step.text)}</blockquote>
  <p class="verdict">${VERDICT_WORDS[verdict]}</p>${notesBlock(v)}${reason}${lookBlock(look)}${access}${scenarios}</div>
  <div class="picture">${image}</div>
</section>`;
}

const SCENARIO_MARKS: Record<ScenarioOutcome['status'], string> = {
  passed: '✔',
  failed: '✘',
  flaky: '≈',
  skipped: '–',
  'not run': '·',
};

/** The sentence's alternatives that did not work while another did: beside the verdict, which they leave as it is. */
function notesBlock(v: StepVerdict): string {
  return v.notes.map((note) => `<p class="note-of-step"><b>Note:</b> ${escape(note.says)}</p>`).join('');
}

/** What differs, in the record's words, with every other record of the step and the raw evidence folded away. */
function reasonBlock(v: StepVerdict, verdict: ShownVerdict): string {
  const heading = verdict === 'drifted' ? 'What differs' : verdict === 'not reached' ? 'Not reached' : 'What failed';
  const more = v.records.slice(1).map((r) => `<li>${escape(driftLine(r))}</li>`);
  const evidence = v.records[0]?.evidence;
  return `<p class="reason"><b>${heading}:</b> ${escape(v.reason ?? '')}</p>${
    more.length ? `<details><summary>${more.length} more</summary><ul>${more.join('')}</ul></details>` : ''
  }${evidence ? `<details><summary>Evidence</summary><pre>${escape(evidence)}</pre></details>` : ''}`;
}

/** The sentence as the guide should now read, beside the verdict, when a record of the step says how it drifted. */
function rewriteBlock(v: StepVerdict): string {
  for (const record of v.records) {
    const text = record.rewrite && rewriteSentence(v.step.text, record.rewrite);
    if (text === undefined || text === v.step.text) continue;
    return `<p class="rewrite"><b>Suggested rewrite:</b> ${text ? `“${escape(text)}”` : 'remove this sentence: the site no longer offers what it names.'}</p>`;
  }
  return '';
}

/** What the accessibility scans of the step's pages found, with their impact; on the step's own control first. */
function accessibilityBlock(v: StepVerdict): string {
  const records = v.scenarios.flatMap((s) => s.accessibility ?? []).filter((r) => r.guideStep === v.step.id);
  if (!records.length) return '';
  const seen = new Set<string>();
  const items = records
    .flatMap((r) => r.violations)
    .flatMap((violation) => violation.nodes.map((node) => ({ violation, node, key: `${violation.rule} ${node.name}` })))
    .filter(({ key }) => !seen.has(key) && seen.add(key))
    .sort((a, b) => Number(b.node.onStepControl) - Number(a.node.onStepControl))
    .map(
      ({ violation, node }) =>
        `<li><b>${escape(violation.impact ?? 'unknown')}</b> ${escape(violation.rule)}: “${escape(node.name)}”${
          node.onStepControl ? ' (the control this step names)' : ''
        } — ${escape(violation.help)}</li>`,
    );
  const scanned = records.length;
  return items.length
    ? `<details class="a11y" open><summary>Accessibility (WCAG 2.2 A/AA): ${items.length} violation(s)</summary><ul>${items.join('')}</ul></details>`
    : `<p class="a11y muted">Accessibility (WCAG 2.2 A/AA): no violation on ${scanned === 1 ? 'its page' : `its ${scanned} scans`}.</p>`;
}

const dataUrl = (p: Picture) => `data:${p.type};base64,${p.data.toString('base64')}`;

function lookBadge(count: number): string {
  return count ? `<span class="badge looks">${count} look different</span>` : '';
}

/**
 * A step that looks different from its accepted picture: a warning, not a verdict (the step may still be verified),
 * with the accepted picture, today's and what differs; a step with no accepted picture yet says how to accept one.
 */
function lookBlock(look: ShownLook | undefined): string {
  if (!look) return '';
  if (look.record.verdict === 'no accepted picture')
    return '<p class="looks muted">No accepted picture of this step yet: after looking at today\'s, <code>npm run guide:accept-pictures</code>.</p>';
  if (look.record.verdict === 'same') return '';
  const figure = (p: Picture | undefined, caption: string) =>
    p
      ? `<figure><img src="${dataUrl(p)}" alt="${escape(caption)}"><figcaption>${escape(caption)}</figcaption></figure>`
      : '';
  return `<div class="looks warning" role="note"><p><b>⚠ Looks different</b> (a warning, not a failure): ${escape(
    lookSentence(look.record),
  )} If the change is right, <code>npm run guide:accept-pictures -- ${escape(look.record.guideStep)}</code>.</p>
  <div class="look-pictures">${figure(look.diff, 'What differs (red)')}${figure(look.accepted, 'Accepted')}${figure(
    look.today,
    'Today',
  )}</div></div>`;
}

/** "What changed", first thing on the page: each distinct cause once, in words, with what to do next. */
function digestSection(causes: Cause[]): string {
  if (!causes.length) return '';
  const ANSWER = { guide: 'The guide', site: 'The site', unexplained: 'Unexplained' } as const;
  const items = causes.map((cause) => {
    const steps = cause.guideSteps.map((id) => `<a href="#step-${escape(id)}">${escape(id)}</a>`).join(', ');
    return `<li class="${cause.answer}"><p><b>${ANSWER[cause.answer]}</b>: ${escape(cause.line)}</p>
  <p class="muted">${cause.scenarios.length} scenario(s)${steps ? `; guide step(s) ${steps}` : ''}. <b>Next</b>: ${escape(cause.next)}</p></li>`;
  });
  return `<section class="digest" id="what-changed"><h2>What changed (${causes.length} distinct cause${causes.length === 1 ? '' : 's'})</h2>
<ol>${items.join('\n')}</ol>
</section>`;
}

/**
 * "The site's own findings": defects of the site met while following the guide that leave every sentence true, each
 * once with where it was met. Apart from the verdicts: a reader of the guide is not told to change a sentence for them.
 */
function findingsSection(findings: SiteFinding[]): string {
  if (!findings.length) return '';
  const items = findings.map(({ record, scenarios, guideSteps, policy }) => {
    const steps = guideSteps.map((id) => `<a href="#step-${escape(id)}">${escape(id)}</a>`).join(', ');
    const where = [record.rule, record.page && `on ${record.page}`].filter(Boolean).join(' ');
    return `<li class="${policy === 'fail' ? 'failed' : 'warning'}"><p><b>${policy === 'fail' ? '✘' : '⚠'} ${escape(
      record.class,
    )}</b>: ${escape(record.says)}</p>
  <p class="muted">${escape(where)}; met in ${scenarios.length} scenario(s), while following ${steps}${
    policy === 'warn' ? ' (a warning, as the site profile says)' : ' (fails the run, as the site profile says)'
  }</p><details><summary>Scenarios</summary><ul>${scenarios.map((s) => `<li>${escape(s)}</li>`).join('')}</ul></details></li>`;
  });
  return `<section class="findings" id="findings"><h2>The site's own findings</h2>
<p class="muted">Defects of the site met while following the guide that leave its sentences true: accessibility, security
promises, what happens when saving fails, and looks. Each is listed once; none makes a step of the guide drift.</p>
<ul>${items.join('\n')}</ul>
</section>`;
}

const GAP_WORDS: Record<ReturnType<typeof gapStatus>, string> = {
  passed: '✔ Its check passed today',
  failed: '✘ Its check failed today: the site may have changed',
  'not run': '· Its check did not run',
};

/** "What the guide doesn't tell the reader": each gap the features mark, with its check's verdict and picture. */
function gapsSection(gaps: GuideGap[], pictures: Map<string, Picture>): string {
  if (!gaps.length) return '';
  const items = gaps.map((gap) => {
    const steps = gap.guideSteps.map((id) => `<a href="#step-${escape(id)}">${escape(id)}</a>`).join(', ');
    const runs = gap.evidence
      .map(
        (e) =>
          `<li class="${e.status.replace(' ', '-')}">${SCENARIO_MARKS[e.status]} ${escape(e.scenario.name)} (${escape(`${e.scenario.file}:${e.scenario.line}`)})</li>`,
      )
      .join('');
    const shot = gap.evidence.map((e) => e.picture && pictures.get(e.picture)).find(Boolean);
    const picture = shot
      ? `<figure><img src="${dataUrl(shot)}" alt="The site, in the check of: ${escape(gap.note)}"></figure>`
      : '<div class="no-picture">No picture from this run</div>';
    return `<section class="gap">
  <div class="words"><p class="note">${escape(gap.note)}</p><p class="verdict">${GAP_WORDS[gapStatus(gap)]}</p>
  <p class="muted">Guide steps: ${steps || 'none named'}</p><details><summary>The check behind it</summary><ul>${runs}</ul></details></div>
  <div class="picture">${picture}</div>
</section>`;
  });
  return `<section class="gaps" id="gaps"><h2>What the guide doesn't tell the reader</h2>
<p class="muted">What a reader following the guide will meet on the site although the guide doesn't mention it. Each is a
scenario tagged <code>@gap</code> in the features, with its note; its verdict says whether the site did it today.</p>
${items.join('\n')}
</section>`;
}

/** The chosen screenshots at full size, for a caller that did not make them small. */
function originalPictures(verdicts: StepVerdict[]): Map<string, GuidePicture> {
  const pictures = new Map<string, GuidePicture>();
  for (const v of verdicts) {
    const chosen = v.step.kind === 'action' ? chooseEvidence(v) : undefined;
    if (!chosen || !existsSync(chosen.path)) continue;
    const data = readFileSync(chosen.path);
    pictures.set(v.step.id, { data, type: imageTypeOf(data), scenario: chosen.scenario });
  }
  return pictures;
}

/** Where a page with trace links is written, and where the run's Playwright report is (reports/playwright-html). */
export interface TraceLinkPlace {
  page: string;
  playwrightReport: string;
}

/**
 * A failed scenario's trace, opened in the Playwright report's own trace viewer (its test page), not as a zip to
 * download. The viewer needs the report served: `npx playwright show-report` does that.
 */
export function traceLink(s: ScenarioOutcome, { page, playwrightReport: report }: TraceLinkPlace): string {
  const trace = s.attachments.find((a) => a.name === 'trace');
  if (!trace || !s.testId) return '';
  const href = `${relative(page, join(report, 'index.html'))}#?testId=${encodeURIComponent(s.testId)}`;
  return ` — <a href="${escape(href)}" title="The trace viewer needs the report served: npx playwright show-report ${escape(report)}">trace and steps in the Playwright report</a>`;
}

const STYLE = `
body { margin: 0; font: 16px/1.5 Georgia, 'Times New Roman', serif; color: #1d1d1f; background: #fafaf7; }
.top { background: #fff; border-bottom: 1px solid #ddd; padding: 2rem max(2rem, calc(50% - 36rem)); }
.top h1 { margin: .2rem 0 .8rem; font-size: 2rem; }
.kicker, .legend, .env, .links, .muted, .alt { font-family: system-ui, sans-serif; font-size: .85rem; color: #555; }
.env { display: flex; flex-wrap: wrap; gap: .3rem 1.5rem; margin: .5rem 0; }
.env div { display: flex; gap: .4rem; } .env dt { font-weight: 600; } .env dd { margin: 0; }
.summary { font-family: system-ui, sans-serif; }
.badge { display: inline-block; padding: .15rem .6rem; border-radius: 999px; font-weight: 600; font-size: .9rem; margin-right: .3rem; }
.note-of-step { background: #eef3fb; border-left: 3px solid #5b7fb8; padding: 0.3em 0.6em; }
.badge.verified, .step.verified .verdict { background: #e3f4e6; color: #17622a; }
.badge.drifted, .step.drifted .verdict { background: #fde5e3; color: #9b1c14; }
.badge.stale, .step.stale .verdict { background: #fff2cc; color: #7a5a00; }
.badge.failed, .step.failed .verdict { background: #fde5e3; color: #9b1c14; }
.badge.not-reached, .step.not-reached .verdict { background: #eef; color: #335; }
pre { white-space: pre-wrap; font-size: .8rem; }
.badge.not-covered, .step.not-covered .verdict, .step.not-run .verdict, .step.not-selected .verdict,
.badge.not-selected { background: #eee; color: #555; }
.selection { font: 600 1.05rem system-ui, sans-serif; background: #fff2cc; color: #5a4300; border: 1px solid #e0c060;
  padding: .6rem .9rem; border-radius: 6px; margin: 0 0 1rem; }
figure { margin: 0; } figcaption { font: .78rem system-ui, sans-serif; color: #666; margin-top: .3rem; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 2rem 4rem; }
.prose { max-width: 44rem; }
.caption { font-style: italic; color: #444; margin: 2rem 0 .3rem; }
.alt { margin: 1.5rem 0 0; }
.step { display: grid; grid-template-columns: minmax(18rem, 1fr) minmax(20rem, 1.3fr); gap: 1.5rem; background: #fff; border: 1px solid #ddd;
  border-left: 6px solid #bbb; border-radius: 6px; padding: 1rem 1.2rem; margin: .8rem 0; }
.step.verified { border-left-color: #2e9e4a; } .step.drifted { border-left-color: #d93025; } .step.stale { border-left-color: #e0a800; }
.id { font: 600 .75rem system-ui, sans-serif; color: #777; }
blockquote { margin: .2rem 0 .6rem; font-size: 1.1rem; }
.verdict { display: inline-block; padding: .1rem .6rem; border-radius: 4px; font: 600 .9rem system-ui, sans-serif; margin: 0 0 .5rem; }
.rewrite { font-family: system-ui, sans-serif; font-size: .9rem; background: #f1f7ff; border: 1px solid #b6d0f0; padding: .5rem .7rem; border-radius: 4px; }
.a11y { margin: .4rem 0; }
.reason { font-family: system-ui, sans-serif; font-size: .9rem; background: #fff6f5; border: 1px solid #f3c2bd; padding: .5rem .7rem; border-radius: 4px; }
details { font-family: system-ui, sans-serif; font-size: .85rem; } details ul { padding-left: 1.1rem; margin: .3rem 0; }
li.failed, li.flaky { color: #9b1c14; }
.picture img { width: 100%; border: 1px solid #ccc; border-radius: 4px; display: block; }
.no-picture { display: grid; place-items: center; min-height: 8rem; background: #f0f0f0; color: #888; font-family: system-ui, sans-serif; border-radius: 4px; }
.badge.looks, .looks.warning { background: #fff2cc; color: #5a4300; }
.badge.gap { background: #e8e4f8; color: #3b2d7a; text-decoration: none; }
.digest { background: #fff; border: 2px solid #b3261e; border-radius: 6px; padding: .5rem 1.5rem; margin: 1.5rem 0; }
.digest li { margin: .5rem 0; } .digest li.site > p:first-child b { color: #7a3b00; }
.badge.finding { background: #fde8d8; color: #7a3b00; text-decoration: none; }
.findings ul { list-style: none; padding: 0; } .findings li.failed > p:first-child { color: #8a1c1c; }
.findings > ul > li { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: .6rem 1rem; margin: .6rem 0; }
.looks.warning { font-family: system-ui, sans-serif; font-size: .9rem; border: 1px solid #e0c060; padding: .5rem .7rem; border-radius: 4px; margin: .4rem 0; }
.look-pictures { display: grid; grid-template-columns: repeat(3, 1fr); gap: .4rem; } .look-pictures img { width: 100%; border: 1px solid #ccc; }
.gaps h2 { margin: 2.5rem 0 .3rem; }
.gap { display: grid; grid-template-columns: minmax(18rem, 1fr) minmax(20rem, 1.3fr); gap: 1.5rem; background: #fff; border: 1px solid #ddd;
  border-left: 6px solid #7a68c8; border-radius: 6px; padding: 1rem 1.2rem; margin: .8rem 0; }
.gap .note { font-size: 1.1rem; margin: .2rem 0 .6rem; } .gap .verdict { background: #eee; }
.gap img { width: 100%; border: 1px solid #ccc; border-radius: 4px; display: block; }
@media (max-width: 800px) { .step { grid-template-columns: 1fr; } }
@media print { .step { break-inside: avoid; } details { display: none; } body { background: #fff; } }
`;
