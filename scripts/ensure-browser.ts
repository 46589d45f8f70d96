// `node --import tsx scripts/ensure-browser.ts [--verbose]`: harness/config/ensure-browser.ts for the scripts that run it first.
import { ensureBrowser } from '../harness/config/ensure-browser.ts';

const choice = ensureBrowser();
if (!choice) process.exit(1);
if (process.argv.includes('--verbose')) {
  console.log(`Browser: ${choice.source === 'playwright' ? "Playwright's Chromium" : choice.executablePath}`);
}
