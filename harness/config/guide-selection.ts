import { featuresDirOf, type Guide } from '../guide/guide.ts';
import { guideStepIdsOf, type WrittenScenario } from '../guide/features.ts';

/** The option that picks guides by slug: `npm run guide -- --guide <slug>` (repeatable). */
export const GUIDE_OPTION = '--guide';

/** The slugs named by `--guide <slug>` or `--guide=<slug>`, and the other arguments, in order. */
export function splitGuideOption(args: string[]): { slugs: string[]; rest: string[] } {
  const slugs: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === GUIDE_OPTION) slugs.push(args[++i] ?? '');
    else if (arg.startsWith(`${GUIDE_OPTION}=`)) slugs.push(arg.slice(GUIDE_OPTION.length + 1));
    else rest.push(arg);
  }
  return { slugs, rest };
}

/** The guides the arguments name (every guide when none); one sentence, listing the known slugs, for an unknown one. */
export function guidesNamed(args: string[], guides: Guide[]): Guide[] {
  const { slugs } = splitGuideOption(args);
  if (slugs.length === 0) return guides;
  const unknown = slugs.filter((slug) => !guides.some((g) => g.slug === slug));
  if (unknown.length) {
    throw new Error(
      `No guide ${unknown.map((s) => `“${s}”`).join(', ')} in guides/; known: ${guides.map((g) => g.slug).join(', ')}.`,
    );
  }
  return guides.filter((g) => slugs.includes(g.slug));
}

/**
 * The feature files that verify the guides: each guide's own folder, and every feature outside the guides' folders
 * (security, faults) with a scenario tagged with one of its steps. In the order the files are listed.
 */
export function featureFilesOfGuides(chosen: Guide[], all: Guide[], scenarios: WrittenScenario[]): string[] {
  const ids = new Set(chosen.flatMap((g) => g.steps.map((s) => s.id)));
  const inAGuideFolder = (file: string) => all.some((g) => file.startsWith(featuresDirOf(g.slug)));
  const files = scenarios
    .filter(
      (s) =>
        chosen.some((g) => s.file.startsWith(featuresDirOf(g.slug))) ||
        (!inAGuideFolder(s.file) && guideStepIdsOf(s).some((id) => ids.has(id))),
    )
    .map((s) => s.file);
  return [...new Set(files)];
}

/** `--guide <slug>` replaced by the feature files of that guide (featureFilesOfGuides); other arguments kept. */
export function expandGuideOption(args: string[], all: Guide[], scenarios: WrittenScenario[]): string[] {
  const { slugs, rest } = splitGuideOption(args);
  if (slugs.length === 0) return args;
  return [...featureFilesOfGuides(guidesNamed(args, all), all, scenarios), ...rest];
}
