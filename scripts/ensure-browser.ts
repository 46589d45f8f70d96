// `node --import tsx scripts/ensure-browser.ts [--verbose]`: harness/config/ensure-browser.ts for the scripts that run it first.
import { findChromium } from '../harness/config/browser.ts';
import { ensureBrowser } from '../harness/config/ensure-browser.ts';

if (!ensureBrowser()) process.exit(1);
const choice = findChromium();
if (choice && process.argv.includes('--verbose')) {
  console.log(`Browser: ${choice.source === 'playwright' ? "Playwright's Chromium" : choice.executablePath}`);
}
