/**
 * Content-Security-Policy for every response the app serves. The production policy allows
 * only the app's own files; the development one adds what Vite's React refresh needs (an
 * inline preamble and the HMR WebSocket) and must never ship.
 */
// Explicit extension: vite.config.ts imports this file, and Vite's native config loader needs it.
import { DEV_SERVER_PORT } from '../ipc/origins.ts';

const productionDirectives: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
};

function serialize(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

export const PRODUCTION_CSP = serialize(productionDirectives);

export const DEVELOPMENT_CSP = serialize({
  ...productionDirectives,
  'script-src': ["'self'", "'unsafe-inline'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'", `ws://localhost:${DEV_SERVER_PORT}`],
});
