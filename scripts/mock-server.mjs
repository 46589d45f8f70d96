// `npm run mock-server`: the mock as one prebuilt JavaScript file, so it answers within a second of the command
// (through tsx, transpiling and loading some 400 modules took about 1.4 s; the bundle loads in about 0.5 s). The
// bundle is rebuilt only when one of its inputs changed. Plain JavaScript: starting without tsx is the point.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = 'mock-server/cli.ts';
const OUT_DIR = join(ROOT, 'node_modules/.cache/mock-server');
const BUNDLE = join(OUT_DIR, 'cli.mjs');
/** Every file the last bundle was built from (esbuild's metafile), with its size and time of change. */
const INPUTS = join(OUT_DIR, 'inputs.json');
/** Not an input esbuild reports, but an upgraded package changes what gets bundled. */
const LOCKFILE = 'package-lock.json';

/** Paths relative to the project, as esbuild's metafile has them. */
const fingerprint = (path) => {
  const { mtimeMs, size } = statSync(join(ROOT, path));
  return [path, mtimeMs, size];
};

function bundleIsCurrent() {
  if (!existsSync(BUNDLE) || !existsSync(INPUTS)) return false;
  try {
    return JSON.parse(readFileSync(INPUTS, 'utf8')).every(([path, mtimeMs, size]) => {
      const [, nowMtimeMs, nowSize] = fingerprint(path);
      return nowMtimeMs === mtimeMs && nowSize === size;
    });
  } catch {
    return false; // An input was deleted or renamed.
  }
}

async function buildBundle() {
  const { build } = await import('esbuild');
  mkdirSync(OUT_DIR, { recursive: true });
  const { metafile, outputFiles } = await build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    write: false,
    logLevel: 'warning',
    // CommonJS packages (express and its kin) call require(); an ES module has none of its own.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    // app.ts finds the site's assets next to itself; in the bundle, import.meta.url would be the bundle's.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(ROOT, 'mock-server/app.ts')).href) },
  });
  const inputs = [...Object.keys(metafile.inputs), LOCKFILE].map(fingerprint);
  writeAtOnce(BUNDLE, outputFiles[0].contents);
  writeAtOnce(INPUTS, JSON.stringify(inputs));
}

/** Two commands starting at once may both build: neither may load the other's half-written file. */
function writeAtOnce(path, contents) {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, contents);
  renameSync(partial, path);
}

if (!bundleIsCurrent()) await buildBundle();
await import(pathToFileURL(BUNDLE).href);
