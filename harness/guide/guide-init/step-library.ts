import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CucumberExpression,
  ParameterTypeRegistry,
  RegularExpression,
  type Expression,
} from '@cucumber/cucumber-expressions';
import { parse } from 'acorn';
import { transformSync } from 'esbuild';

const DEFINERS = new Set(['Given', 'When', 'Then', 'Step']);

/**
 * The expressions of the step library, read from the step files' Given/When/Then calls without running them (the
 * step files need a browser fixture or a Cucumber world to load). esbuild drops the types and acorn reads the
 * JavaScript: the TypeScript compiler would take longer to load than the rest of guide:init takes to run.
 */
export function stepExpressions(dir: string): string[] {
  if (!existsSync(dir)) return [];
  // Both runners load step definitions from steps/**/*.steps.ts (playwright.config.ts, cucumber.mjs).
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.steps.ts'));
  return files.sort().flatMap((file) => {
    try {
      return expressionsIn(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      const { errors, message } = error as {
        errors?: { text: string; location?: { line: number } }[];
        message: string;
      };
      const first = errors?.[0];
      const why = first ? `line ${first.location?.line ?? '?'}: ${first.text}` : message.split('\n')[0];
      throw new Error(`${join(dir, file)} is not valid TypeScript (${why}): fix it, then run guide:init again.`, {
        cause: error,
      });
    }
  });
}

interface Node {
  type: string;
  [key: string]: unknown;
}

export function expressionsIn(source: string): string[] {
  const { code } = transformSync(source, { loader: 'ts' });
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
    const { callee, arguments: args } = node as { callee?: Node & { name?: string }; arguments?: Node[] };
    if ((node as Node).type === 'CallExpression' && callee?.type === 'Identifier' && DEFINERS.has(callee.name ?? '')) {
      const first = args?.[0] as {
        value?: unknown;
        regex?: { pattern: string };
        quasis?: { value: { cooked: string } }[];
      };
      if (first?.regex) found.push(`/${first.regex.pattern}/`);
      else if (typeof first?.value === 'string') found.push(first.value);
      else if (first?.quasis?.length === 1) found.push(first.quasis[0]?.value.cooked ?? '');
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }));
  return found;
}

/** Finds the step definition a step text would run, as both runners match it: by Cucumber expression. */
export function stepMatcher(expressions: string[]): (text: string) => string | undefined {
  const registry = new ParameterTypeRegistry();
  const compiled: [string, Expression][] = expressions.map((source) => [
    source,
    source.startsWith('/') && source.endsWith('/')
      ? new RegularExpression(new RegExp(source.slice(1, -1)), registry)
      : new CucumberExpression(source, registry),
  ]);
  return (text) => compiled.find(([, expression]) => expression.match(text))?.[0];
}
