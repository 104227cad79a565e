import fs from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');
const src = path.join(root, 'src');

// The project's own flat config, passed in (see layer-boundaries.test.ts for why).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../eslint.config.js') as Linter.Config[];
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: config,
  ruleFilter: ({ ruleId }) => ruleId === '@typescript-eslint/no-restricted-imports',
});

type Graph = Map<string, Set<string>>;

/** One cycle of the graph as a path that ends where it starts, or null when there is none. */
function findCycle(graph: Graph): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...trail.slice(trail.indexOf(node)), node];
    state.set(node, 'open');
    trail.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

function addEdge(graph: Graph, from: string, to: string): void {
  const edges = graph.get(from) ?? new Set<string>();
  edges.add(to);
  graph.set(from, edges);
}

const folders = fs
  .readdirSync(src, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** Each relative import of a file of src/, resolved, and whether it brings types only. */
function importsOf(file: string): { to: string; typeOnly: boolean }[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: { to: string; typeOnly: boolean }[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), specifier.text);
    const to = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
    if (!to) continue;
    let typeOnly: boolean;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings;
      typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            named !== undefined &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly)));
    } else {
      typeOnly = statement.isTypeOnly;
    }
    found.push({ to, typeOnly });
  }
  return found;
}

/** The folder of src/ a file is in (or the file itself, for the composition root). */
const topFolder = (file: string): string => path.relative(src, file).split(path.sep)[0];

describe('import cycles', () => {
  it('the LAYERS table lets no folders of src/ import each other, even through others', async () => {
    // A type import is the widest permission a folder can have of another.
    const allowed: Graph = new Map();
    for (const from of folders) {
      for (const to of folders) {
        if (from === to) continue;
        const [result] = await eslint.lintText(`import type { Probe } from '../${to}/probe';`, {
          filePath: path.join(src, from, 'probe.ts'),
        });
        if (result.messages.length === 0) addEdge(allowed, from, to);
      }
    }
    expect(allowed.get('jobs')).toContain('services');
    expect(findCycle(allowed)).toBeNull();
  });

  it('no folders of src/ import each other, types included, and no module cycle at run time', () => {
    const files = fs
      .readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(src, f));
    const byFolder: Graph = new Map();
    const byModule: Graph = new Map();
    for (const file of files) {
      for (const { to, typeOnly } of importsOf(file)) {
        const [a, b] = [topFolder(file), topFolder(to)];
        if (a !== b) addEdge(byFolder, a, b);
        // Type-only imports are erased when compiled, so only the others can cycle at run time.
        if (!typeOnly) addEdge(byModule, path.relative(root, file), path.relative(root, to));
      }
    }
    expect(byFolder.get('jobs')).toContain('services');
    expect(findCycle(byFolder)).toBeNull();
    expect(byModule.size).toBeGreaterThan(100);
    expect(findCycle(byModule)).toBeNull();
  });
});
