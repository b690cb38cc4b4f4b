/**
 * The layout of the code, checked: no folder of shared/ imports one that imports it back; the
 * renderer has no pages/ folder and one folder per feature, each with an index.ts; and the lint
 * rule that keeps features behind their index.ts fires on a file that bypasses it.
 */
import { ESLint } from 'eslint';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Relative import specifiers of a file (static, dynamic and re-exports). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1] ?? '');
}

/** Folder -> folders it imports, for the direct subfolders of `base`. */
function folderGraph(base: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(base)) {
    const from = path.relative(base, file).split(path.sep)[0] ?? '';
    if (!graph.has(from)) graph.set(from, new Set());
    for (const specifier of importsOf(file)) {
      const target = path.relative(base, path.resolve(path.dirname(file), specifier)).split(path.sep);
      const to = target[0] ?? '';
      if (to === '..' || to === from || target.length < 2) continue;
      graph.get(from)?.add(to);
    }
  }
  return graph;
}

function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const visit = (node: string, trail: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = trail.indexOf(next);
      if (at >= 0) found.push([...trail.slice(at), next]);
      else visit(next, [...trail, next]);
    }
  };
  for (const node of graph.keys()) visit(node, [node]);
  return found;
}

const FEATURES = ['dashboard', 'onboarding', 'dues', 'calendar', 'debts', 'planner', 'budget', 'transactions', 'import', 'accounts', 'insurance', 'reports', 'reminders', 'settings', 'backup'];

describe('code layout', () => {
  it('has no folder of shared/ importing a folder that imports it back', () => {
    const graph = folderGraph(path.join(ROOT, 'shared'));
    expect(graph.has('dues') && graph.has('debts')).toBe(true);
    expect(cycles(graph)).toEqual([]);
  });

  it('shows the cycle check catching a cycle', () => {
    const graph = new Map([
      ['debts', new Set(['dues'])],
      ['dues', new Set(['insurance'])],
      ['insurance', new Set(['debts'])],
    ]);
    expect(cycles(graph)[0]).toEqual(['debts', 'dues', 'insurance', 'debts']);
  });

  it('lays the renderer out by feature: no pages/, one folder with an index.ts per feature, the shell apart', () => {
    expect(existsSync(path.join(ROOT, 'renderer/pages'))).toBe(false);
    for (const feature of FEATURES) expect(existsSync(path.join(ROOT, 'renderer/features', feature, 'index.ts')), feature).toBe(true);
    expect(readdirSync(path.join(ROOT, 'renderer/features')).sort()).toEqual([...FEATURES].sort());
    expect(existsSync(path.join(ROOT, 'renderer/shell/App.tsx'))).toBe(true);
  });

  it('has no renderer import running back up the layers (shared layers -> features or shell, feature -> shell)', () => {
    const offenders: string[] = [];
    const layerOf = (relative: string) => relative.split('/')[1] ?? '';
    for (const file of sourceFiles(path.join(ROOT, 'renderer'))) {
      const relative = path.relative(ROOT, file).split(path.sep).join('/');
      for (const specifier of importsOf(file)) {
        const target = path.relative(ROOT, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/');
        const from = layerOf(relative);
        const to = layerOf(target);
        if (['app', 'components', 'db', 'platform', 'i18n'].includes(from) && (to === 'features' || to === 'shell')) offenders.push(`${relative} -> ${specifier}`);
        if (from === 'features' && to === 'shell') offenders.push(`${relative} -> ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('refuses, in lint, a cross-feature import that bypasses the index.ts, and an import of a feature from a shared layer', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [deep] = await eslint.lintText("import { DebtsPage } from '../debts/DebtsPage';\nexport const page = DebtsPage;\n", { filePath: path.join(ROOT, 'renderer/features/budget/Example.tsx') });
    expect(deep?.messages.map((m) => [m.ruleId, m.message])).toContainEqual(['clearday/layers', "'../debts/DebtsPage' is inside the debts feature: import it through '../debts' (its index.ts)."]);
    const [throughIndex] = await eslint.lintText("import { routes } from '../debts';\nexport const all = routes;\n", { filePath: path.join(ROOT, 'renderer/features/budget/Example.tsx') });
    expect(throughIndex?.messages.filter((m) => m.ruleId === 'clearday/layers')).toEqual([]);
    const [fromShared] = await eslint.lintText("import { routes } from '../features/debts';\nexport const all = routes;\n", { filePath: path.join(ROOT, 'renderer/components/Example.tsx') });
    expect(fromShared?.messages.map((m) => m.ruleId)).toContain('clearday/layers');
  }, 60_000);
});
