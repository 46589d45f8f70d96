import { stripVTControlCharacters } from 'node:util';
import { GuideDrift } from '../../pages/support/drift.ts';
import type { GuideStep } from '../guide/guide.ts';
import type { DriftKind, OutcomeRecord } from './outcome.ts';

/**
 * The record of a failed check, or undefined when the error is no check of the guide. Page objects say the kind
 * themselves (GuideDrift); a custom matcher stands for one kind (`matcherKinds`, by matcher name); any other failed
 * assertion means the site did something other than the guide says.
 */
export function recordOf(
  error: unknown,
  step: Pick<GuideStep, 'id' | 'text'>,
  matcherKinds: Partial<Record<string, DriftKind>> = {},
): OutcomeRecord | undefined {
  const guide = { guideStep: step.id, guideSays: step.text };
  if (error instanceof GuideDrift) {
    return {
      ...guide,
      kind: error.kind,
      siteShowed: error.siteShowed,
      ...(error.evidence && { evidence: error.evidence }),
      ...(error.rewrite && { rewrite: error.rewrite }),
    };
  }
  const result = matcherResultOf(error);
  if (!result) return undefined;
  const custom = matcherKinds[result.name];
  if (custom) {
    const rewrite =
      custom === 'reordered' && isStringList(result.expected) && isStringList(result.actual)
        ? { rewrite: { kind: 'reordered' as const, guideOrder: result.expected, siteOrder: result.actual } }
        : {};
    return { ...guide, kind: custom, siteShowed: result.message, ...rewrite };
  }
  return {
    ...guide,
    kind: 'behaviour',
    siteShowed: assertionSummary(result, customMessageOf(error as Error, result.message)),
    evidence: stripVTControlCharacters((error as Error).message),
  };
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

interface MatcherResult {
  name: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
}

/** Playwright's expect errors carry what was compared as `matcherResult`. */
function matcherResultOf(error: unknown): MatcherResult | undefined {
  if (!(error instanceof Error) || !('matcherResult' in error)) return undefined;
  const result = error.matcherResult as Partial<MatcherResult> | undefined;
  if (typeof result?.name !== 'string') return undefined;
  return { ...result, name: result.name, message: stripVTControlCharacters(String(result.message ?? '')) };
}

/** `expect(value, 'what should hold')`: Playwright puts that sentence before the matcher's own message. */
function customMessageOf(error: Error, matcherMessage: string): string {
  const message = stripVTControlCharacters(error.message);
  return message.endsWith(matcherMessage) ? message.slice(0, message.length - matcherMessage.length).trim() : '';
}

const BRIEF_WIDTH = 140;

function brief(value: unknown): string {
  const text =
    typeof value === 'string'
      ? `“${value}”`
      : value instanceof RegExp
        ? String(value)
        : (JSON.stringify(value) ?? String(value));
  return text.length > BRIEF_WIDTH ? `${text.slice(0, BRIEF_WIDTH - 1)}…` : text;
}

/** Matchers that ask whether something is shown: their failure is that it is not, whatever their message. */
const SHOWN_MATCHERS = new Set(['toBeVisible', 'toBeAttached', 'toBeInViewport']);

/** One sentence: what should have held, what was expected, what the site showed. The full diff is the evidence. */
function assertionSummary(result: MatcherResult, what: string): string {
  if (SHOWN_MATCHERS.has(result.name) && !/\bnot\b/.test(String(result.expected ?? ''))) {
    if (what) return `${what.replace(/[.:]$/, '')}, but the page does not show that.`;
    const locator = /^\s*Locator:\s*(.+)$/m.exec(result.message)?.[1]?.trim();
    return `The page does not show what this step looks for${locator ? ` (${locator})` : ''}.`;
  }
  const claim = what || `The check ${result.name} failed`;
  const expected = result.expected === undefined ? '' : `expected ${brief(result.expected)}, `;
  if (result.actual === undefined) {
    // Matchers such as toHaveLength or toBeVisible say what they expected and received only in their message.
    const said = result.message
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^(Expected|Received)\b/.test(line) && !/^Received (array|object|string)/.test(line))
      .map((line) => line.replace(/:\s+/, ' ').replace(/^./, (c) => c.toLowerCase()));
    const shown = said.length ? said.join(', ') : 'the site showed nothing that matched';
    return `${claim}: ${shown.length > BRIEF_WIDTH ? `${shown.slice(0, BRIEF_WIDTH - 1)}…` : shown}.`;
  }
  return `${claim}: ${expected}the site showed ${brief(result.actual)}.`;
}
