import { featuresDirOf, loadGuides } from '../guide/guide.ts';
import { readScenarios } from '../guide/features.ts';
import { missingStepLines, readDrafts, type Draft } from '../guide/drafts.ts';
import { featureFilesOfGuides, guidesNamed, splitGuideOption } from './guide-selection.ts';

export interface DraftsOfRun {
  /** The drafts of the guides the run is about (every guide for a full run). */
  drafts: Draft[];
  /** The run names a drafted guide (`--guide <slug>`): it fails, since a draft verifies nothing. */
  named: boolean;
  /** The guides named have nothing but drafts: there is nothing to run, only a verdict table to print. */
  onlyDrafts: boolean;
}

/** What guide:init's drafts (harness/guide/drafts.ts) mean for a run of `npm run guide`. */
export function draftsOfRun(args: string[], featuresDir = 'features'): DraftsOfRun {
  const { slugs } = splitGuideOption(args);
  const all = readDrafts(featuresDir);
  const drafts = slugs.length ? all.filter((d) => slugs.some((s) => d.file.startsWith(featuresDirOf(s)))) : all;
  if (!slugs.length || drafts.length === 0) return { drafts, named: false, onlyDrafts: false };
  let runnable: string[];
  try {
    const guides = loadGuides();
    runnable = featureFilesOfGuides(guidesNamed(args, guides), guides, readScenarios(featuresDir));
  } catch {
    // An unknown slug: compileSelection says so in one sentence.
    return { drafts, named: true, onlyDrafts: false };
  }
  return { drafts, named: true, onlyDrafts: runnable.length === 0 };
}

/** After the verdicts: each draft's steps with no definition, one line each with the closest definition. */
export function printDrafts({ drafts, named }: DraftsOfRun): void {
  if (drafts.length === 0) return;
  const missing = drafts.flatMap((d) => d.missing).length;
  console.log(
    `\nDrafted, not verified: ${drafts.length} feature(s) of guide:init tagged @draft, in no run; ${missing} step(s) without a definition${missing ? ':' : ' (remove @draft to run them).'}`,
  );
  if (named) {
    for (const line of missingStepLines(drafts)) console.log(line);
    console.log(
      'This run fails: a draft verifies nothing. Define each step (reuse the closest where it means the same), then remove @draft.',
    );
  } else if (missing) console.log('  (npm run guide -- --guide <slug> lists them, with the closest step definitions.)');
}
