import { parse as parseTagExpression } from '@cucumber/tag-expressions';
import type { WrittenScenario } from '../guide/features.ts';

/** cucumber-js options whose value is the next argument, not a feature path. */
const WITH_VALUE = new Set([
  '-f',
  '--format',
  '--format-options',
  '-r',
  '--require',
  '-i',
  '--import',
  '-p',
  '--profile',
  '-c',
  '--config',
  '--world-parameters',
  '--parallel',
  '--retry',
  '--retry-tag-filter',
  '--order',
  '--language',
  '--require-module',
  '--shard',
]);

/**
 * cucumber-js runs nothing and exits 0 for a selection that matches no scenario: cucumber.mjs asks this first, so
 * `npm run cucumber` fails with one sentence as `npm run guide` does. Returns that sentence, or undefined when the
 * selection matches a scenario (or is not one this reads: cucumber-js then decides).
 */
export function cucumberSelectionProblem(args: string[], scenarios: WrittenScenario[]): string | undefined {
  const tags: string[] = [];
  const names: RegExp[] = [];
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [option, inline] = arg.startsWith('--')
      ? [arg.split('=')[0]!, arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined]
      : [arg, undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (option === '--tags' || option === '-t') tags.push(value());
    else if (option === '--name') names.push(new RegExp(value()));
    else if (WITH_VALUE.has(option) && inline === undefined) i++;
    else if (option.startsWith('-')) continue;
    else paths.push(arg);
  }
  // Feature files outside features/ (a test's own) are not read here: cucumber-js decides about those.
  if (paths.some((path) => !path.replace(/^\.\//, '').startsWith('features'))) return undefined;
  let matchers: ((s: WrittenScenario) => boolean)[];
  try {
    matchers = tags.map((expression) => {
      const node = parseTagExpression(expression);
      return (s: WrittenScenario) => node.evaluate(s.tags.map((t) => `@${t}`));
    });
  } catch (error) {
    return (error as Error).message.split('\n')[0];
  }
  const inPaths = (s: WrittenScenario) =>
    paths.length === 0 ||
    paths.some((path) => {
      const [file, ...lines] = path.replace(/^\.\//, '').split(':');
      const inFile = s.file === file || s.file.startsWith(`${file!.replace(/\/$/, '')}/`);
      return inFile && (lines.length === 0 || lines.map(Number).some((l) => l === s.line || l === s.scenarioLine));
    });
  const matched = scenarios.filter(
    (s) => inPaths(s) && matchers.every((m) => m(s)) && names.every((n) => n.test(s.name)),
  );
  if (matched.length > 0) return undefined;
  return `The selection ${args.join(' ')} matches no scenario: nothing was run and no report was written.`;
}
