import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { DRAFT_TAG } from './draft-tag.ts';

/** One runnable scenario (an outline's example row counts as one), as written in the feature files. */
export interface WrittenScenario {
  name: string;
  file: string;
  line: number;
  /** The line of its Scenario (Outline) keyword: the same as `line` for a plain scenario. */
  scenarioLine: number;
  /** Tags without "@", the feature's and the examples' included. */
  tags: string[];
  /** An outline example's values by column name; empty for a plain scenario. */
  parameters: Record<string, string>;
  /** The free text under its Scenario line, before its steps (trimmed; empty when there is none). */
  description?: string;
}

export const GUIDE_TAG = 'guide:';

export function featureFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return featureFiles(path);
    return entry.name.endsWith('.feature') ? [path] : [];
  });
}

/** Gherkin's parser lists every problem of a file with its own stack; a person needs the file and the lines. */
function parseFeature(file: string, text: string, newId: () => string) {
  try {
    return new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(text);
  } catch (error) {
    const problems = ((error as { errors?: Error[] }).errors ?? [error as Error]).map((e) => e.message);
    throw new Error(`${file} is not valid Gherkin: ${problems.join('; ')}.`, { cause: error });
  }
}

/**
 * The scenarios of the feature files under `dir`. A draft of guide:init (tagged @draft, harness/guide/drafts.ts) is
 * in no run, so it is left out unless `drafts` asks for it: the coverage gate reads drafts to call them drafts.
 */
export function readScenarios(dir = 'features', { drafts = false } = {}): WrittenScenario[] {
  const all = featureFiles(dir).flatMap((path) => {
    const file = relative(process.cwd(), path);
    const newId = IdGenerator.uuid();
    const document = parseFeature(file, readFileSync(path, 'utf8'), newId);
    const nodes = new Map<
      string,
      { line: number; scenarioLine: number; parameters: Record<string, string>; description: string }
    >();
    for (const child of document.feature?.children ?? []) {
      const scenarios = [child.scenario, ...(child.rule?.children.map((c) => c.scenario) ?? [])];
      for (const scenario of scenarios) {
        if (!scenario) continue;
        const scenarioLine = scenario.location.line;
        const description = scenario.description.trim();
        nodes.set(scenario.id, { line: scenarioLine, scenarioLine, parameters: {}, description });
        for (const examples of scenario.examples) {
          const columns = examples.tableHeader?.cells.map((cell) => cell.value) ?? [];
          for (const row of examples.tableBody) {
            const parameters = Object.fromEntries(row.cells.map((cell, i) => [columns[i] ?? String(i), cell.value]));
            nodes.set(row.id, { line: row.location.line, scenarioLine, parameters, description });
          }
        }
      }
    }
    return compile(document, file, newId).map((pickle) => {
      const node = nodes.get(pickle.astNodeIds.at(-1) ?? '') ?? nodes.get(pickle.astNodeIds[0] ?? '');
      return {
        name: pickle.name,
        file,
        line: node?.line ?? 0,
        scenarioLine: node?.scenarioLine ?? 0,
        tags: pickle.tags.map((tag) => tag.name.replace(/^@/, '')),
        parameters: node?.parameters ?? {},
        description: node?.description ?? '',
      };
    });
  });
  return drafts ? all : all.filter((s) => !s.tags.includes(DRAFT_TAG));
}

export function guideStepIdsOf(scenario: { tags: string[] }): string[] {
  return scenario.tags.filter((tag) => tag.startsWith(GUIDE_TAG)).map((tag) => tag.slice(GUIDE_TAG.length));
}
