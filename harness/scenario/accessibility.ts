import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Locator, Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { z } from 'zod';
import { jsonAttachment } from './json-attachment.ts';
import { inComposedTree, type ComposedTree } from '../../pages/support/composed-tree.ts';

/** The rules of WCAG 2.2 levels A and AA that axe-core tests automatically. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A violation of these impacts on the control a step names means a reader cannot follow the step. */
export const BLOCKING_IMPACTS = ['serious', 'critical'] as const;

const IMPACTS = ['minor', 'moderate', 'serious', 'critical'] as const;

export const accessibilityRecordSchema = z.object({
  guideStep: z.string().min(1),
  /** The address of the page scanned, as the step found it. */
  url: z.string(),
  /** How long the scan took (0 when the step reused an earlier scan of the same page). */
  scanMs: z.number(),
  violations: z.array(
    z.object({
      rule: z.string(),
      impact: z.enum(IMPACTS).nullable(),
      help: z.string(),
      nodes: z.array(
        z.object({
          /** What a reader would call the element: its accessible name or its text, else its tag. */
          name: z.string(),
          /** True when the element is the control the step names (or inside it, or holds it). */
          onStepControl: z.boolean(),
        }),
      ),
    }),
  ),
});

export type AccessibilityRecord = z.infer<typeof accessibilityRecordSchema>;
export type Violation = AccessibilityRecord['violations'][number];

export const ACCESSIBILITY_ATTACHMENT = 'guide-accessibility';
/** Apart from outcome records (application/json) in reports that keep no attachment names (Cucumber JSON). */
export const ACCESSIBILITY_MEDIA_TYPE = 'application/vnd.guide-accessibility+json';

export const { body: accessibilityBody, read: readAccessibilityBody } = jsonAttachment(
  accessibilityRecordSchema,
  'an accessibility record',
);

/** An element axe found, with where it is in the page and whether it is the step's control. */
interface ScannedNode {
  selector: string | undefined;
  name: string;
  onStepControl: boolean;
}
interface ScannedViolation {
  rule: string;
  impact: Violation['impact'];
  help: string;
  nodes: ScannedNode[];
}

const isImpact = (value: unknown): value is NonNullable<Violation['impact']> =>
  IMPACTS.includes(value as (typeof IMPACTS)[number]);

/**
 * The axe-core rules whose violation on the control a step names means a reader cannot do the step: the control has
 * no accessible name (a screen reader cannot find what the guide names), or it is hidden from assistive technology,
 * nested inside another control or out of the keyboard's reach. Any other rule (a colour below AA contrast, a target
 * too small) leaves the step doable: it is a finding about the site, never the guide drifting.
 */
export const UNDOABLE_RULES: ReadonlySet<string> = new Set([
  'button-name',
  'link-name',
  'input-button-name',
  'input-image-alt',
  'image-alt',
  'label',
  'aria-input-field-name',
  'aria-command-name',
  'aria-toggle-field-name',
  'select-name',
  'summary-name',
  'svg-img-alt',
  'role-img-alt',
  'area-alt',
  'aria-hidden-focus',
  'nested-interactive',
  'scrollable-region-focusable',
  'frame-focusable-content',
]);

interface OnControl {
  violation: Violation;
  name: string;
}

/** Serious or critical violations on the step's own control, each with the name of the element it lies on. */
function onStepControl(record: AccessibilityRecord): OnControl[] {
  return record.violations.flatMap((violation) => {
    if (!BLOCKING_IMPACTS.includes(violation.impact as (typeof BLOCKING_IMPACTS)[number])) return [];
    const node = violation.nodes.find((n) => n.onStepControl);
    return node ? [{ violation, name: node.name }] : [];
  });
}

/**
 * The first violation that stops a reader on the step's own control: serious or critical, on that control, of a rule
 * that makes the step undoable. A violation elsewhere on the page is shown with the step, but blames no step: the
 * guide does not send the reader there.
 */
export function blockingViolation(record: AccessibilityRecord): OnControl | undefined {
  return onStepControl(record).find(({ violation }) => UNDOABLE_RULES.has(violation.rule));
}

/** Serious or critical violations on the step's control that leave the step doable: findings about the site. */
export function controlFindings(record: AccessibilityRecord): OnControl[] {
  return onStepControl(record).filter(({ violation }) => !UNDOABLE_RULES.has(violation.rule));
}

/** The one sentence a violation on the step's control is reported in: the rule, its impact, the element. */
export function blockingSentence({ violation, name }: OnControl): string {
  return `The control “${name}” breaks the accessibility rule “${violation.rule}” (${violation.impact}): ${violation.help.replace(/\.?$/, '.')}`;
}

/**
 * Which violations of a page a step's record lists: every one on the step's control, and the rest of the page's
 * only the first time the scenario shows that page's violation (so one page-wide problem is listed once, not under
 * every step that passes by).
 */
export function attribute(violations: ScannedViolation[], url: string, alreadyListed: Set<string>): Violation[] {
  return violations.flatMap((v) => {
    const nodes = v.nodes.filter((node) => {
      if (node.onStepControl) return true;
      const key = `${url} ${v.rule} ${node.selector ?? node.name}`;
      if (alreadyListed.has(key)) return false;
      alreadyListed.add(key);
      return true;
    });
    return nodes.length
      ? [
          {
            rule: v.rule,
            impact: v.impact,
            help: v.help,
            nodes: nodes.map(({ name, onStepControl }) => ({ name, onStepControl })),
          },
        ]
      : [];
  });
}

let scannerSource: Promise<string> | undefined;

/**
 * axe-core's script, read on first use: the runner's process (listing the tests) never needs it. A worker reads it
 * while its browser starts, so its first scan does not wait for it.
 */
export function loadAccessibilityScanner(): Promise<string> {
  scannerSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return scannerSource;
}

/**
 * axe-core run in the page, on WCAG_TAGS, once it is there: put in each frame once per document, not once per scan.
 * (`@axe-core/playwright` sent its 1.5 MB source to the page twice for every scan, about 0.1 s a scan; and its
 * default, runPartial then finishRun in a new blank page, cost about 0.3 s more and put a page the reader never opened
 * into the trace.) A frame's axe answers the main frame's for content of the same origin only.
 */
async function runAxe(page: Page): Promise<AxeResults | undefined> {
  // Only violations are read: axe-core builds a selector for every node that passed too unless told (20–50 ms a scan
  // against 15–30 ms on the mock's pages).
  const options: RunOptions = { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] };
  const frames = page.frames().slice(1);
  let results = frames.length ? null : await page.evaluate(runIfThere, options);
  if (results === null) {
    const source = await loadAccessibilityScanner();
    for (const frame of [page.mainFrame(), ...frames]) {
      if (await frame.evaluate(axeIsThere)) continue;
      await frame.evaluate(`${source};axe.configure({ allowedOrigins: ['<same_origin>'] });`);
    }
    results = await page.evaluate(runIfThere, options);
  }
  return results ?? undefined;
}

/** When scans happen: per page and step in every scenario, once per step and page in a run (a worker), or never. */
export type ScanMode = 'scenario' | 'run' | 'off';

export function scanMode(value = process.env.GUIDE_A11Y): ScanMode {
  // One scan per page and step per scenario cost ~1 s a scan, about half again a scenario's time: once a run is the default.
  if (value === undefined || value === '') return 'run';
  if (value === 'scenario' || value === 'run' || value === 'off') return value;
  throw new Error(`GUIDE_A11Y is "${value}"; it takes scenario, run or off.`);
}

/** Scans done in this process, for mode "run": a page and step scanned once stays scanned for the whole run. */
const scannedInRun = new Set<string>();

/**
 * Scans the pages a scenario's guide steps act on, with axe-core, and says per step what it found: begin() when a
 * step starts, controlFound() when a page object finds the control the step names (before acting on it), finish()
 * when the step ends. A page is scanned once per address and step; with no control found, the page the step ends
 * on is scanned instead.
 */
export class StepAccessibility {
  readonly mode: ScanMode;
  #step: string | undefined;
  #scans = new Map<string, { url: string; violations: ScannedViolation[]; ms: number }>();
  #listed = new Set<string>();
  /** The pages the current step scanned or reused, by key. */
  #stepKeys = new Set<string>();
  /** The current step found its control: the page it ends on is not scanned instead, even when no scan was made. */
  #controlSeen = false;
  /** Time the current step spent scanning (a reused scan costs nothing). */
  #stepMs = 0;

  constructor(mode = scanMode()) {
    this.mode = mode;
  }

  begin(guideStep: string): void {
    this.#step = guideStep;
    this.#stepKeys.clear();
    this.#controlSeen = false;
    this.#stepMs = 0;
  }

  /** The control a step names was found: the page is scanned (once) and the violations on it are marked. */
  async controlFound(control: Locator, targetAttribute: string): Promise<void> {
    if (!this.#step || this.mode === 'off') return;
    this.#controlSeen = true;
    const scan = await this.#scan(control.page());
    if (!scan) return;
    const selectors = scan.violations.flatMap((v) => v.nodes.map((n) => n.selector ?? ''));
    // A page without violations has nothing to mark: no round trip to the page.
    if (selectors.length === 0) return;
    const on = await control
      .page()
      .evaluate(inComposedTree(onTarget), { selectors, attribute: targetAttribute, step: SHADOW_STEP })
      .catch(() => selectors.map(() => false));
    let i = 0;
    for (const v of scan.violations) for (const node of v.nodes) node.onStepControl ||= on[i++] ?? false;
  }

  /** The step's record, or none when nothing was scanned (mode, a closed page, a page scanned earlier in the run). */
  async finish(page: Page | undefined): Promise<AccessibilityRecord | undefined> {
    const step = this.#step;
    this.#step = undefined;
    if (!step || this.mode === 'off') return undefined;
    // Not when the control's page was scanned earlier in the run: the step's page is that one, not where it ends.
    if (!this.#controlSeen && this.#stepKeys.size === 0 && page && !page.isClosed()) {
      this.#step = step;
      await this.#scan(page);
      this.#step = undefined;
    }
    const scans = [...this.#stepKeys].flatMap((key) => this.#scans.get(key) ?? []);
    if (!scans.length) return undefined;
    return {
      guideStep: step,
      url: scans[0]!.url,
      scanMs: this.#stepMs,
      violations: scans.flatMap((s) => attribute(s.violations, s.url, this.#listed)),
    };
  }

  async #scan(page: Page) {
    const url = page.url().replace(/[?#].*$/, '');
    const key = `${url} ${this.#step}`;
    const done = this.#scans.get(key);
    if (done) {
      this.#stepKeys.add(key);
      return done;
    }
    if (this.mode === 'run' && scannedInRun.has(key)) return undefined;
    const started = Date.now();
    const results = await runAxe(page).catch(() => undefined);
    if (!results) return undefined;
    const violations: ScannedViolation[] = results.violations.map((v) => ({
      rule: v.id,
      impact: isImpact(v.impact) ? v.impact : null,
      help: v.help,
      nodes: v.nodes.map((node) => {
        // Inside a web component, axe names the element by a path of selectors, one per shadow root.
        const only = node.target.length === 1 ? node.target[0] : undefined;
        const selector = typeof only === 'string' ? only : only?.join(SHADOW_STEP);
        return { selector, name: '', onStepControl: false };
      }),
    }));
    const selectors = violations.flatMap((v) => v.nodes.map((n) => n.selector ?? ''));
    const names = selectors.length
      ? await page
          .evaluate(inComposedTree(readerNames), { selectors, step: SHADOW_STEP })
          .catch(() => selectors.map(() => ''))
      : [];
    let i = 0;
    for (const v of violations) for (const node of v.nodes) node.name = names[i++] || 'an element';
    const scan = { url, violations, ms: Date.now() - started };
    this.#stepMs += scan.ms;
    this.#scans.set(key, scan);
    this.#stepKeys.add(key);
    scannedInRun.add(key);
    return scan;
  }
}

/** Between the selectors of a path into web components' shadow roots, in a violation's selector. */
const SHADOW_STEP = ' >>> ';

// The functions below run in the page, so they stand alone.

/** axe's results of the page when axe is in it, else null. */
function runIfThere(options: RunOptions): Promise<AxeResults> | null {
  const axe = (globalThis as { axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe;
  return typeof axe?.run === 'function' ? axe.run(document, options) : null;
}

function axeIsThere(): boolean {
  return typeof (globalThis as { axe?: { run?: unknown } }).axe?.run === 'function';
}

function readerNames(tree: ComposedTree, { selectors, step }: { selectors: string[]; step: string }): string[] {
  return selectors.map((selector) => {
    const element = selector ? tree.byPath(selector.split(step)) : null;
    if (!element) return '';
    const labelled = element.getAttribute('aria-label');
    const labelledBy = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
    const label =
      (element.id
        ? (element.getRootNode() as ParentNode).querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent
        : null) || labelledBy.map((id) => tree.byId(element, id)?.textContent ?? '').join(' ');
    const text = (element as HTMLElement).innerText || (element as HTMLInputElement).value || '';
    const name = (labelled || label || text || element.getAttribute('placeholder') || '').replace(/\s+/g, ' ').trim();
    return name ? name.slice(0, 80) : `a ${element.tagName.toLowerCase()} element`;
  });
}

function onTarget(
  tree: ComposedTree,
  { selectors, attribute, step }: { selectors: string[]; attribute: string; step: string },
): boolean[] {
  const [target] = tree.all(`[${attribute}]`);
  return selectors.map((selector) => {
    const element = selector ? tree.byPath(selector.split(step)) : null;
    if (!element || !target) return false;
    if (element === target || tree.contains(target, element)) return true;
    return tree.contains(element, target) && element !== document.body && element !== document.documentElement;
  });
}
