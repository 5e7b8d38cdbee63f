import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The project files a file imports: static, type-only, re-exports and import() alike. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/\b(?:import|export)\s[^'";]*?\bfrom\s+['"](\.[^'"]+)['"]/g),
    ...text.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g),
  ].map((match) => match[1] ?? '');
  return specifiers.flatMap((specifier) => {
    const base = resolve(dirname(file), specifier);
    const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
      (path) => existsSync(path) && statSync(path).isFile(),
    );
    return found && /\.tsx?$/.test(found) ? [found] : [];
  });
}

/** Each group of files that import each other in a loop (Tarjan's strongly connected components). */
function circles(files: string[]): string[][] {
  const edges = new Map(files.map((file) => [file, importsOf(file)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
      } else if (stack.includes(next)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(file) === index.get(file)) {
      const group: string[] = [];
      for (let member = stack.pop(); member; member = stack.pop()) {
        group.push(member);
        if (member === file) break;
      }
      if (group.length > 1) found.push(group.map((f) => relative(root, f)).sort());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return found;
}

describe('the import graph of src/', () => {
  it('has no circle: no files that import each other in a loop, type-only imports included', () => {
    expect(circles(sourcesUnder(join(root, 'src')))).toEqual([]);
  });

  it('finds a circle where there is one (the check itself)', () => {
    const folder = join(root, 'test', 'fixtures', 'import-circle');
    expect(circles(sourcesUnder(folder))).toEqual([
      ['test/fixtures/import-circle/a.ts', 'test/fixtures/import-circle/b.ts'],
    ]);
  });
});
