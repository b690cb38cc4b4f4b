import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/locales/en.json';
import zhCN from '../../../shared/i18n/locales/zh-CN.json';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Plural forms differ by language (English has _one, Chinese only _other): compare base keys. */
function baseKeys(tree: unknown): Set<string> {
  return new Set([...flatten(tree).keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const rendererFiles = sourceFiles('renderer');
const enKeys = baseKeys(en);
const zhKeys = baseKeys(zhCN);

describe('translation files', () => {
  it('have the same keys in zh-CN and en', () => {
    expect([...enKeys].filter((key) => !zhKeys.has(key))).toEqual([]);
    expect([...zhKeys].filter((key) => !enKeys.has(key))).toEqual([]);
  });

  it('have no empty strings and the same interpolation variables in both languages', () => {
    const enFlat = flatten(en);
    const zhFlat = flatten(zhCN);
    const variables = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [key, text] of [...enFlat, ...zhFlat]) expect(text.trim(), key).not.toBe('');
    for (const [key, text] of zhFlat) {
      const english = enFlat.get(key) ?? enFlat.get(key.replace(/_other$/, '_one')) ?? '';
      expect(variables(text), key).toEqual(variables(english));
    }
  });

  it('contain every literal key the renderer uses', () => {
    const missing: string[] = [];
    for (const file of rendererFiles) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        const key = match[1]!;
        if (!enKeys.has(key) || !zhKeys.has(key)) missing.push(`${file}: ${key}`);
      }
      // Template keys such as t(`debts.kindName.${kind}`): their prefix must exist.
      for (const match of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.-]+)\.\$\{/g)) {
        const prefix = `${match[1]!}.`;
        if (![...enKeys].some((key) => key.startsWith(prefix))) missing.push(`${file}: ${prefix}*`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('user-visible strings', () => {
  /** Text a user sees that does not come from t(): JSX text and user-facing attributes. */
  function literalTexts(file: string): string[] {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const found: string[] = [];
    const visibleAttributes = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label']);
    const visit = (node: ts.Node) => {
      if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
      if (ts.isJsxAttribute(node) && visibleAttributes.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
        if (/\p{L}/u.test(node.initializer.text)) found.push(`${node.name.getText()}="${node.initializer.text}"`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  }

  it('come only from the translation files (no literal text in JSX)', () => {
    const offenders = rendererFiles.filter((f) => f.endsWith('.tsx')).flatMap((file) => literalTexts(file).map((t) => `${file}: ${t}`));
    expect(offenders).toEqual([]);
  });
});

describe('validation messages', () => {
  it('exist in both languages for every field error code the domain can produce', async () => {
    const source = readFileSync('shared/domain/validation.ts', 'utf8');
    const union = /export type FieldErrorCode =([^;]+);/.exec(source)?.[1] ?? '';
    const codes = [...union.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) {
      expect(enKeys.has(`validation.${code}`), `en validation.${code}`).toBe(true);
      expect(zhKeys.has(`validation.${code}`), `zh validation.${code}`).toBe(true);
    }
  });
});
