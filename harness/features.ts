import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';

/** One runnable scenario (an outline's example row counts as one), as written in the feature files. */
export interface WrittenScenario {
  name: string;
  file: string;
  line: number;
  /** Tags without "@", the feature's and the examples' included. */
  tags: string[];
}

export const GUIDE_TAG = 'guide:';

function featureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return featureFiles(path);
    return entry.name.endsWith('.feature') ? [path] : [];
  });
}

export function readScenarios(dir = 'features'): WrittenScenario[] {
  return featureFiles(dir).flatMap((path) => {
    const file = relative(process.cwd(), path);
    const newId = IdGenerator.uuid();
    const document = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(
      readFileSync(path, 'utf8'),
    );
    const lines = new Map<string, number>();
    const remember = (id: string, line: number) => lines.set(id, line);
    for (const child of document.feature?.children ?? []) {
      const scenarios = [child.scenario, ...(child.rule?.children.map((c) => c.scenario) ?? [])];
      for (const scenario of scenarios) {
        if (!scenario) continue;
        remember(scenario.id, scenario.location.line);
        for (const row of scenario.examples.flatMap((e) => e.tableBody)) remember(row.id, row.location.line);
      }
    }
    return compile(document, file, newId).map((pickle) => ({
      name: pickle.name,
      file,
      line: lines.get(pickle.astNodeIds.at(-1) ?? '') ?? lines.get(pickle.astNodeIds[0] ?? '') ?? 0,
      tags: pickle.tags.map((tag) => tag.name.replace(/^@/, '')),
    }));
  });
}

export function guideStepIdsOf(scenario: { tags: string[] }): string[] {
  return scenario.tags.filter((tag) => tag.startsWith(GUIDE_TAG)).map((tag) => tag.slice(GUIDE_TAG.length));
}
