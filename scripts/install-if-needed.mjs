// `npm test` on a fresh clone installs the npm packages first, as the README promises; once they are installed
// and match package-lock.json, it does nothing. Plain JavaScript: it runs before tsx is there.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const INSTALLED = 'node_modules/.package-lock.json';
const stale = !existsSync(INSTALLED) || statSync('package-lock.json').mtimeMs > statSync(INSTALLED).mtimeMs;
if (stale) {
  console.log('The npm packages are missing or older than package-lock.json: installing them (npm ci)…');
  process.exit(spawnSync('npm', ['ci'], { stdio: 'inherit' }).status ?? 1);
}
