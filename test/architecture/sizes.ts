import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** The longest a function may be, in lines from its first line to its last (STYLE.md). */
export const MAX_FUNCTION_LINES = 80;
/** The longest a source file may be, in lines (STYLE.md: past ~300 it holds two ideas). */
export const MAX_FILE_LINES = 300;

/** One function's place and length. */
export interface FunctionSize {
  /** `file:line name`, the name as a reader would look for it (`object.method`, `Class.method`). */
  where: string;
  lines: number;
}

/** Every function of `source`: declarations, methods, and arrow functions or function expressions. */
export function functionSizes(fileName: string, source: string): FunctionSize[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const sizes: FunctionSize[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const last = file.getLineAndCharacterOfPosition(node.getEnd()).line;
      sizes.push({ where: `${fileName}:${first + 1} ${nameOf(node)}`, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return sizes;
}

/** The name a function goes by: its own, or that of the variable or property that holds it. */
function nameOf(node: ts.Node): string {
  const own = (node as { name?: ts.Node }).name;
  const parent = node.parent;
  let name = own && ts.isIdentifier(own) ? own.text : undefined;
  if (
    !name &&
    (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) &&
    ts.isIdentifier(parent.name)
  ) {
    name = parent.name.text;
  }
  if (!name && ts.isConstructorDeclaration(node)) name = 'constructor';
  const holder = ownerOf(node);
  return holder ? `${holder}.${name ?? '<anonymous>'}` : (name ?? '<anonymous>');
}

/** The object literal's variable or the class a method belongs to, if any. */
function ownerOf(node: ts.Node): string | undefined {
  const container = ts.isPropertyAssignment(node.parent) ? node.parent.parent : node.parent;
  if (ts.isClassLike(container) && container.name) return container.name.text;
  if (ts.isObjectLiteralExpression(container) && ts.isVariableDeclaration(container.parent)) {
    return ts.isIdentifier(container.parent.name) ? container.parent.name.text : undefined;
  }
  return undefined;
}

/** Every `.ts` file under `folder`, as paths relative to it. */
export function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .sort();
}

/** What in `folder` passes the limits: functions over MAX_FUNCTION_LINES, files over MAX_FILE_LINES. */
export function oversized(folder: string): { functions: string[]; files: string[] } {
  const functions: string[] = [];
  const files: string[] = [];
  for (const path of sourceFiles(folder)) {
    const source = readFileSync(join(folder, path), 'utf8');
    const name = relative('.', join(folder, path));
    const lines = source.split('\n').length - (source.endsWith('\n') ? 1 : 0);
    if (lines > MAX_FILE_LINES) files.push(`${name} (${lines} lines)`);
    for (const size of functionSizes(name, source)) {
      if (size.lines > MAX_FUNCTION_LINES) functions.push(`${size.where} (${size.lines} lines)`);
    }
  }
  return { functions, files };
}
