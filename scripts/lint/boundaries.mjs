/**
 * The renderer's layers, as a lint rule: the shell composes features; features import each other
 * only through their index.ts; the shared layers (app, components, db, platform, i18n) import no
 * feature and not the shell. Relative specifiers only: the renderer has no path aliases.
 */
import path from 'node:path';

const SHARED_LAYERS = new Set(['app', 'components', 'db', 'platform', 'i18n']);

/** Where a repo-relative path sits: { layer, feature? } ('root' for renderer/main.tsx). */
function placeOf(relative) {
  const parts = relative.split('/');
  if (parts[0] !== 'renderer') return { layer: 'outside' };
  if (parts[1] === 'features') return { layer: 'features', feature: parts[2], rest: parts.slice(3).join('/') };
  if (parts.length === 2) return { layer: 'root' };
  return { layer: parts[1] };
}

/** @type {import('eslint').Rule.RuleModule} */
const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Renderer layers: features through their index.ts; shared layers import no feature.' },
    messages: {
      throughIndex: "'{{target}}' is inside the {{feature}} feature: import it through '{{index}}' (its index.ts).",
      sharedLayer: "renderer/{{layer}}/ is shared by every feature and imports none of them (nor the shell): '{{target}}'.",
      featureToShell: "A feature never imports the shell: '{{target}}'.",
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const from = placeOf(file);
    if (from.layer === 'outside') return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      const to = placeOf(target);
      if (to.layer === 'features') {
        if (from.layer === 'features' && from.feature === to.feature) return;
        if (SHARED_LAYERS.has(from.layer)) return context.report({ node, messageId: 'sharedLayer', data: { layer: from.layer, target: specifier } });
        if (to.rest !== '' && to.rest !== 'index' && to.rest !== 'index.ts') {
          const index = path.posix.relative(path.posix.dirname(file), `renderer/features/${to.feature}`);
          return context.report({ node, messageId: 'throughIndex', data: { target: specifier, feature: to.feature, index: index.startsWith('.') ? index : `./${index}` } });
        }
        return;
      }
      if (to.layer === 'shell') {
        if (SHARED_LAYERS.has(from.layer)) return context.report({ node, messageId: 'sharedLayer', data: { layer: from.layer, target: specifier } });
        if (from.layer === 'features') return context.report({ node, messageId: 'featureToShell', data: { target: specifier } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export const boundaries = { rules: { layers } };
