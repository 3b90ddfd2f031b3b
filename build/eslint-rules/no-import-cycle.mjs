// A local lint rule: no module may reach itself through its relative imports, type-only ones included.
// A cycle makes the order modules load in matter and hides which of two rooms is the lower one.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const IMPORT_FROM = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g;
const EXTENSIONS = ['.ts', '.tsx', '/index.ts'];

/** Each file's relative imports as read from disk, once per lint run. */
const importsOnDisk = new Map();

function resolveImport(fromFile, specifier) {
  const base = join(dirname(fromFile), specifier);
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
}

function importsOf(file) {
  let found = importsOnDisk.get(file);
  if (found === undefined) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    found = [...text.matchAll(IMPORT_FROM)].map((m) => resolveImport(file, m[1])).filter((target) => target !== null);
    importsOnDisk.set(file, found);
  }
  return found;
}

/** A path of imports from `start` back to `goal`, or null. */
function pathBack(start, goal) {
  const seen = new Set();
  const stack = [[start, [start]]];
  while (stack.length > 0) {
    const [file, path] = stack.pop();
    if (file === goal) return path;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of importsOf(file)) stack.push([next, [...path, next]]);
  }
  return null;
}

export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow import cycles between modules (type-only imports count).' },
    messages: { cycle: 'Import cycle: {{path}}. Move what both modules need into a lower module that neither imports back.' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const root = context.cwd;
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = resolveImport(file, specifier);
      if (target === null) return;
      const back = pathBack(target, file);
      if (back === null) return;
      const shown = [file, ...back].map((p) => relative(root, p)).join(' → ');
      context.report({ node: node.source, messageId: 'cycle', data: { path: shown } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
