// Vite's own command-line entry, to run with this Node: a process started through an npx wrapper
// would not get our signals, and killing the wrapper would leave the server behind (Vite then
// refuses a second preview of the same project).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function viteEntry() {
  const require = createRequire(import.meta.url);
  const { bin } = require('vite/package.json');
  return join(dirname(require.resolve('vite/package.json')), typeof bin === 'string' ? bin : bin.vite);
}
