// Makes sure a Chromium is there before a run; on Debian it installs one, as the README promises.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type BrowserChoice, findChromium, noBrowserMessage } from './browser.ts';

function installDebianChromium(): boolean {
  if (!existsSync('/usr/bin/apt-get') || process.getuid?.() !== 0 || process.env.CHROMIUM_PATH) return false;
  console.log("No Chromium found; installing Debian's (apt-get install -y chromium)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  return install.status === 0;
}

/** The browser a run will use, installed first if need be; null (with the reason printed) if there is none. */
export function ensureBrowser(): BrowserChoice | null {
  let choice = findChromium();
  if (!choice && installDebianChromium()) choice = findChromium();
  if (!choice) console.error(noBrowserMessage());
  return choice;
}
