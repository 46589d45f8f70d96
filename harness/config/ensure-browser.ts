// Makes sure a Chromium is there before a run; on Debian it installs one, as the README promises.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { noBrowserMessage, someChromiumIsThere } from './browser.ts';

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

/** Whether there is a Chromium to run with, installed first if need be; false (with the reason printed) if not. */
export function ensureBrowser(): boolean {
  const there = someChromiumIsThere() || (installDebianChromium() && someChromiumIsThere());
  if (!there) console.error(noBrowserMessage());
  return there;
}
