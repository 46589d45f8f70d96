import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Coverage } from './guide-coverage.ts';
import { EVIDENCE_PREFIX, type Guide, type GuideStep } from './guide.ts';
import type { StepVerdict } from './guide-verdicts.ts';
import { driftLine } from './outcome.ts';
import { failed, type ScenarioOutcome } from './scenario-outcome.ts';

export interface IllustratedGuideInput {
  guide: Guide;
  verdicts: StepVerdict[];
  coverage: Coverage;
  environment: Record<string, string>;
  outputDir: string;
  /** Extra sections appended at the end (e.g. the drift catalogue's summary), already HTML. */
  appendix?: string;
}

type ShownVerdict = Exclude<StepVerdict['verdict'], 'prose'>;

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
}: IllustratedGuideInput): string {
  mkdirSync(join(outputDir, 'img'), { recursive: true });
  const staleIds = new Set(coverage.rows.filter((r) => r.stale).map((r) => r.step.id));
  const shown = (v: StepVerdict): ShownVerdict => (staleIds.has(v.step.id) ? 'stale' : (v.verdict as ShownVerdict));
  const actions = verdicts.filter((v) => v.step.kind === 'action');
  const count = (verdict: ShownVerdict) => actions.filter((v) => shown(v) === verdict).length;

  const body = verdicts
    .map((v) => (v.step.kind === 'action' ? actionCard(v, shown(v), outputDir) : proseBlock(v.step)))
    .join('\n');

  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(guide.title)} — verified against the site</title>
<style>${STYLE}</style></head>
<body>
<header class="top">
  <p class="kicker">The guide, checked against the site on ${escape(new Date().toUTCString())}</p>
  <h1>${escape(guide.title)}</h1>
  <p class="summary">
    <span class="badge verified">${count('verified')} verified</span>
    <span class="badge drifted">${count('drifted')} drifted</span>
    <span class="badge not-reached">${count('not reached')} not reached</span>
    <span class="badge failed">${count('failed')} failed</span>
    <span class="badge stale">${count('stale')} stale</span>
    <span class="badge not-covered">${count('not covered') + count('not run')} not checked</span>
    of ${actions.length} instructions
  </p>
  <p class="legend"><b>Verified</b>: the site did what the sentence says, today. <b>Drifted</b>: a check of the sentence
  failed; what the site showed instead is shown. <b>Not reached</b>: its checks did not run, because their scenario
  failed at another sentence. <b>Failed</b>: its scenario failed without naming a drift (a crash or a timeout).
  <b>Stale</b>: the guide's wording changed since its checks were written, so the checks need a re-read.
  <b>Not checked</b>: no check covers the sentence, or it did not run.</p>
  <dl class="env">${Object.entries(environment)
    .map(([k, v]) => `<div><dt>${escape(k)}</dt><dd>${escape(v)}</dd></div>`)
    .join('')}</dl>
  <p class="links">Full details: <a href="../allure-report/index.html">Allure report</a> ·
  <a href="../playwright-html/index.html">Playwright report</a> · <a href="../cucumber/report.html">Cucumber report</a></p>
</header>
<main>
${body}
</main>
${appendix}
</body></html>`;
  const path = join(outputDir, 'index.html');
  writeFileSync(path, html);
  return path;
}

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
};

function actionCard(v: StepVerdict, verdict: ShownVerdict, outputDir: string): string {
  const picture = pickEvidence(v);
  let image = '<div class="no-picture">No picture from this run</div>';
  if (picture && existsSync(picture.path)) {
    const file = `img/${v.step.id}.png`;
    copyFileSync(picture.path, join(outputDir, file));
    image = `<a href="${file}"><img src="${file}" alt="The site after: ${escape(v.step.text)}" loading="lazy"></a>`;
  }
  const reason = v.reason && verdict !== 'stale' ? reasonBlock(v, verdict) : '';
  const scenarios = v.scenarios.length
    ? `<details><summary>${v.scenarios.length} check(s) behind this verdict</summary><ul>${v.scenarios
        .map(
          (s) =>
            `<li class="${s.status.replace(' ', '-')}">${SCENARIO_MARKS[s.status]} ${escape(s.scenario.name)}${traceLink(s, outputDir)}</li>`,
        )
        .join('')}</ul></details>`
    : '<p class="muted">No check covers this sentence yet.</p>';
  return `<section class="step ${verdict.replace(' ', '-')}" id="step-${v.step.id}">
  <div class="words"><span class="id">${v.step.id}</span><blockquote>${escape(v.step.text)}</blockquote>
  <p class="verdict">${VERDICT_WORDS[verdict]}</p>${reason}${scenarios}</div>
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

/** What differs, in the record's words, with every other record of the step and the raw evidence folded away. */
function reasonBlock(v: StepVerdict, verdict: ShownVerdict): string {
  const heading = verdict === 'drifted' ? 'What differs' : verdict === 'not reached' ? 'Not reached' : 'What failed';
  const more = v.records.slice(1).map((r) => `<li>${escape(driftLine(r))}</li>`);
  const evidence = v.records[0]?.evidence;
  return `<p class="reason"><b>${heading}:</b> ${escape(v.reason ?? '')}</p>${
    more.length ? `<details><summary>${more.length} more</summary><ul>${more.join('')}</ul></details>` : ''
  }${evidence ? `<details><summary>Evidence</summary><pre>${escape(evidence)}</pre></details>` : ''}`;
}

/** The first screenshot of this step from a failing check when it drifted, else from a passing one. */
function pickEvidence(v: StepVerdict): { path: string } | undefined {
  const name = `${EVIDENCE_PREFIX}${v.step.id}`;
  const failing = v.scenarios.filter(failed);
  const ordered: ScenarioOutcome[] = [...failing, ...v.scenarios.filter((s) => !failing.includes(s))];
  for (const scenario of ordered) {
    const shot = scenario.attachments.find((a) => a.name === name);
    if (shot) return shot;
  }
  return undefined;
}

function traceLink(s: ScenarioOutcome, outputDir: string): string {
  const trace = s.attachments.find((a) => a.name === 'trace');
  if (!trace) return '';
  const href = relative(outputDir, trace.path);
  return ` — <a href="${escape(href)}" title="Open with: npx playwright show-trace ${escape(trace.path)}">trace</a>`;
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
.badge.verified, .step.verified .verdict { background: #e3f4e6; color: #17622a; }
.badge.drifted, .step.drifted .verdict { background: #fde5e3; color: #9b1c14; }
.badge.stale, .step.stale .verdict { background: #fff2cc; color: #7a5a00; }
.badge.failed, .step.failed .verdict { background: #fde5e3; color: #9b1c14; }
.badge.not-reached, .step.not-reached .verdict { background: #eef; color: #335; }
pre { white-space: pre-wrap; font-size: .8rem; }
.badge.not-covered, .step.not-covered .verdict, .step.not-run .verdict { background: #eee; color: #555; }
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
.reason { font-family: system-ui, sans-serif; font-size: .9rem; background: #fff6f5; border: 1px solid #f3c2bd; padding: .5rem .7rem; border-radius: 4px; }
details { font-family: system-ui, sans-serif; font-size: .85rem; } details ul { padding-left: 1.1rem; margin: .3rem 0; }
li.failed, li.flaky { color: #9b1c14; }
.picture img { width: 100%; border: 1px solid #ccc; border-radius: 4px; display: block; }
.no-picture { display: grid; place-items: center; min-height: 8rem; background: #f0f0f0; color: #888; font-family: system-ui, sans-serif; border-radius: 4px; }
@media (max-width: 800px) { .step { grid-template-columns: 1fr; } }
`;
