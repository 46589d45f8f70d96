// Every failed check of a feature, security and faults included, must leave an outcome record naming its guide
// step (steps/support/guide-step.ts): a step definition that checks anything is wrapped in `verifies(<step id>, …)`.
// Read from the step files' syntax, so a new step that forgets it fails here before any browser starts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const STEPS_DIR = 'steps';

interface StepDefinition {
  file: string;
  keyword: string;
  pattern: string;
  verified: boolean;
  checks: boolean;
}

/** A function's body checks when it calls `expect…(` or a world or page method named `expect…`. */
const checksIn = (node: ts.Node): boolean => {
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (/^expect/.test(name) && !ts.isPropertyAccessExpression(callee.parent)) return true;
  }
  return ts.forEachChild(node, checksIn) ?? false;
};

function stepDefinitions(file: string, source: string): StepDefinition[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const functions = new Map<string, ts.Node>();
  tree.forEachChild((node) => {
    if (ts.isFunctionDeclaration(node) && node.name) functions.set(node.name.text, node);
  });
  const found: StepDefinition[] = [];
  tree.forEachChild((statement) => {
    if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) return;
    const call = statement.expression;
    if (!ts.isIdentifier(call.expression) || !['Given', 'When', 'Then'].includes(call.expression.text)) return;
    const [pattern, fn] = call.arguments;
    if (!pattern || !fn || !ts.isStringLiteralLike(pattern)) return;
    const verified =
      ts.isCallExpression(fn) &&
      ts.isIdentifier(fn.expression) &&
      ['verifies', 'checksPromise'].includes(fn.expression.text);
    const body = ts.isIdentifier(fn) ? functions.get(fn.text) : fn;
    found.push({
      file,
      keyword: call.expression.text,
      pattern: pattern.text,
      verified,
      checks: call.expression.text === 'Then' || (!!body && checksIn(body)),
    });
  });
  return found;
}

const definitions = readdirSync(STEPS_DIR)
  .filter((name) => name.endsWith('.steps.ts'))
  .flatMap((name) => stepDefinitions(join(STEPS_DIR, name), readFileSync(join(STEPS_DIR, name), 'utf8')));

describe('every check names its guide step', () => {
  it('reads the step files', () => {
    expect(definitions.length).toBeGreaterThan(40);
    expect(definitions.filter((d) => d.file.endsWith('faults.steps.ts')).length).toBeGreaterThan(5);
  });

  it('wraps every step definition that checks something (every Then, any step calling expect) in verifies', () => {
    const unnamed = definitions
      .filter((d) => d.checks && !d.verified)
      .map((d) => `${d.file}: ${d.keyword}('${d.pattern}')`);
    expect(unnamed).toEqual([]);
  });

  it('tells a checking step from one that only acts, wrapped or not', () => {
    const [bare, acting, wrapped] = stepDefinitions(
      'x.steps.ts',
      [
        "Then('a', async function () { await expect(this.x).toBeVisible(); });",
        "When('b', async function () { await this.device.home.open(); });",
        "When('c', verifies('sign-in.1', async function () { await this.expectSomething(); }));",
      ].join('\n'),
    );
    expect(bare).toMatchObject({ checks: true, verified: false });
    expect(acting).toMatchObject({ checks: false, verified: false });
    expect(wrapped).toMatchObject({ checks: true, verified: true });
  });
});
