import { SITE_RENDITIONS, type SiteRendition } from '../mock-server/index.ts';
import { type PremadeAccount, readAccountsFile } from './accounts-file.ts';
import { notAnswering, TestControlClient } from './test-control-client.ts';

/** Where the guide is verified, and how scenarios get their accounts there. */
export type SiteSetting =
  | {
      kind: 'bundled mock';
      drift: string | null;
      rendition: SiteRendition;
      /** MOCK_ANSWER_DELAY_SECONDS: each worker's mock is reached through a proxy delaying every answer this long. */
      answerDelaySeconds: number;
    }
  /** GUIDE_BASE_URL: a site offering the test-control contract (docs/test-control-api.md). */
  | { kind: 'test-control API'; url: string }
  /** GUIDE_BASE_URL and GUIDE_ACCOUNTS_FILE: a site without that API, and accounts made on it beforehand. */
  | { kind: 'pre-made accounts'; url: string; accountsFile: string; accounts: PremadeAccount[] };

/**
 * Reads GUIDE_BASE_URL, GUIDE_ACCOUNTS_FILE, MOCK_SITE, MOCK_DRIFT and MOCK_ANSWER_DELAY_SECONDS; a setting that cannot
 * work is one sentence.
 */
export function siteSetting(env: NodeJS.ProcessEnv = process.env): SiteSetting {
  const url = env.GUIDE_BASE_URL?.replace(/\/$/, '');
  const accountsFile = env.GUIDE_ACCOUNTS_FILE;
  if (accountsFile && !url) {
    throw new Error(
      'GUIDE_ACCOUNTS_FILE needs GUIDE_BASE_URL: pre-made accounts live on a site you started, and the bundled mock starts empty for every worker.',
    );
  }
  if (!url) {
    const answerDelaySeconds = answerDelayOf(env.MOCK_ANSWER_DELAY_SECONDS);
    return {
      kind: 'bundled mock',
      drift: env.MOCK_DRIFT || null,
      rendition: renditionOf(env.MOCK_SITE),
      answerDelaySeconds,
    };
  }
  if (env.MOCK_ANSWER_DELAY_SECONDS) {
    throw new Error(
      'MOCK_ANSWER_DELAY_SECONDS slows the bundled mock only: without GUIDE_BASE_URL, or put your own proxy in front of your site.',
    );
  }
  if (!accountsFile) return { kind: 'test-control API', url };
  return { kind: 'pre-made accounts', url, accountsFile, accounts: readAccountsFile(accountsFile) };
}

function renditionOf(name: string | undefined): SiteRendition {
  if (!name) return 'flickbox';
  const rendition = SITE_RENDITIONS.find((known) => known === name);
  if (!rendition)
    throw new Error(
      `MOCK_SITE=${name} is not a rendition of the bundled mock: use ${SITE_RENDITIONS.slice(0, -1).join(', ')} or ${SITE_RENDITIONS.at(-1)}.`,
    );
  return rendition;
}

function answerDelayOf(value: string | undefined): number {
  if (!value) return 0;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 60) {
    throw new Error(`MOCK_ANSWER_DELAY_SECONDS=${value} is not a delay: give the seconds each answer takes, 0 to 60.`);
  }
  return seconds;
}

const ANSWER_TIMEOUT_MS = 15_000;

/**
 * Resolves when the site answers: its test-control API's health, or, with pre-made accounts, a plain GET of its
 * home page (such a site has no /__test). Otherwise rejects with one sentence saying so.
 */
export async function checkSiteAnswers(setting: SiteSetting): Promise<void> {
  if (setting.kind === 'bundled mock') return;
  if (setting.kind === 'test-control API') return new TestControlClient(setting.url).health();
  let response: Response;
  try {
    response = await fetch(setting.url, { signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) });
  } catch (error) {
    throw notAnswering(setting.url, error, ANSWER_TIMEOUT_MS);
  }
  await response.body?.cancel();
  if (!response.ok) {
    throw new Error(
      `The site under test at ${setting.url} answered GET / with ${response.status}: point GUIDE_BASE_URL at the site's home page.`,
    );
  }
}

/** The site in words a stakeholder reads, for the reports' environment panel. */
export function describeSite(setting: SiteSetting): Record<'Site under test' | 'Mock variant' | 'Accounts', string> {
  const bundled = setting.kind === 'bundled mock';
  return {
    'Site under test': bundled
      ? `bundled mock, ${setting.rendition} rendition (one per worker, on loopback)`
      : setting.url,
    'Mock variant': bundled
      ? `${setting.drift ?? 'clean'}${setting.answerDelaySeconds ? `, every answer ${setting.answerDelaySeconds} s late (a delaying proxy)` : ''}`
      : 'n/a',
    Accounts:
      setting.kind === 'pre-made accounts'
        ? `pre-made, from ${setting.accountsFile} (scenarios needing the test-control API are skipped)`
        : 'one per scenario, through the test-control API',
  };
}
