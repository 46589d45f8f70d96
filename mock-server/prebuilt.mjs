// The mock as prebuilt JavaScript, one file per entry, rebuilt only when one of the files it is built from changed.
// Through a TypeScript loader (tsx, or Playwright's in a test worker) its some 400 modules take 0.7–1.4 s to load;
// the bundle loads in about 0.3–0.5 s. Plain JavaScript, so `npm run mock-server` starts without tsx.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PREBUILT_DIR = join(ROOT, 'node_modules/.cache/mock-server');
/** Not an input esbuild reports, but an upgraded package changes what gets bundled. */
const LOCKFILE = 'package-lock.json';

/** Where the bundle of an entry (`mock-server/server.ts`) is written, and the list of what it was built from. */
export function prebuiltPaths(entry) {
  const name = basename(entry).replace(/\.ts$/, '');
  return { bundle: join(PREBUILT_DIR, `${name}.mjs`), inputs: join(PREBUILT_DIR, `${name}.inputs.json`) };
}

/** The URL of the entry's bundle, built first when it is missing or older than one of its inputs. */
export async function prebuilt(entry) {
  const paths = prebuiltPaths(entry);
  if (!isCurrent(paths)) await build(entry, paths);
  return pathToFileURL(paths.bundle).href;
}

/** Paths relative to the project, as esbuild's metafile has them. */
const fingerprint = (path) => {
  const { mtimeMs, size } = statSync(join(ROOT, path));
  return [path, mtimeMs, size];
};

function isCurrent({ bundle, inputs }) {
  if (!existsSync(bundle) || !existsSync(inputs)) return false;
  try {
    return JSON.parse(readFileSync(inputs, 'utf8')).every(([path, mtimeMs, size]) => {
      const [, nowMtimeMs, nowSize] = fingerprint(path);
      return nowMtimeMs === mtimeMs && nowSize === size;
    });
  } catch {
    return false; // An input was deleted or renamed.
  }
}

async function build(entry, { bundle, inputs }) {
  const esbuild = await import('esbuild');
  mkdirSync(PREBUILT_DIR, { recursive: true });
  const { metafile, outputFiles } = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile: bundle,
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
  writeAtOnce(bundle, outputFiles[0].contents);
  writeAtOnce(inputs, JSON.stringify([...Object.keys(metafile.inputs), LOCKFILE].map(fingerprint)));
}

/** Two processes starting at once (two test workers) may both build: neither may load the other's half-written file. */
function writeAtOnce(path, contents) {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, contents);
  renameSync(partial, path);
}
