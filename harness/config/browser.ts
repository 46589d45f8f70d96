import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Playwright's own Chromium, loaded only when asked for: loading Playwright takes a third of a second. */
const playwrightChromium = (): typeof import('playwright').chromium =>
  (createRequire(import.meta.url)('playwright') as typeof import('playwright')).chromium;

/** Flags Chromium needs as root on a closed network (see README: "Browser"). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// The binary behind Debian's /usr/bin/chromium wrapper script; it starts a little faster.
const SYSTEM_CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

export interface BrowserChoice {
  source: 'playwright' | 'CHROMIUM_PATH' | 'system';
  /** undefined means Playwright's own browser. */
  executablePath: string | undefined;
}

/** Playwright's own Chromium when installed, else CHROMIUM_PATH, else Debian's; null when there is none. */
export function findChromium(): BrowserChoice | null {
  if (existsSync(playwrightChromium().executablePath())) return { source: 'playwright', executablePath: undefined };
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? { source: 'CHROMIUM_PATH', executablePath: fromEnv } : null;
  const system = SYSTEM_CHROMIUM.find((path) => existsSync(path));
  return system ? { source: 'system', executablePath: system } : null;
}

/**
 * Whether some Chromium is there to run with. Where CHROMIUM_PATH or Debian's is, Playwright is not loaded to look
 * for its own (which findChromium prefers when both are there): the command starts sooner.
 */
export function someChromiumIsThere(): boolean {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv ? existsSync(fromEnv) : SYSTEM_CHROMIUM.some((path) => existsSync(path))) return true;
  return findChromium() !== null;
}

/** One sentence saying why there is no browser and the ways to get one. */
export function noBrowserMessage(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  return fromEnv
    ? `CHROMIUM_PATH is "${fromEnv}", but there is no file there: point it at a Chromium binary, or unset it to use Playwright's or Debian's Chromium.`
    : 'No Chromium found: install Debian\'s with "apt-get install -y chromium", or set CHROMIUM_PATH to a Chromium binary, or run "npx playwright install chromium" where downloads are allowed.';
}

export function requireChromium(): BrowserChoice {
  const choice = findChromium();
  if (!choice) throw new Error(noBrowserMessage());
  return choice;
}

/** Playwright records video with its own ffmpeg build, which cannot be downloaded on a closed network. */
export function canRecordVideo(): boolean {
  const browsersPath = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  return existsSync(browsersPath) && readdirSync(browsersPath).some((entry) => entry.startsWith('ffmpeg'));
}

/** "Chromium 156.0.8078.108", read from the binary the run will use. */
export function browserVersion(choice: BrowserChoice): string {
  const path = choice.executablePath ?? playwrightChromium().executablePath();
  const printed = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 }).stdout?.trim();
  return printed || `Chromium at ${path}`;
}
