import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WINDOW_BACKGROUND, mainWindowOptions, startUrl } from '../../../electron/main-window';
import { resolveRuntimeMode } from '../../../electron/runtime';

const restored = { bounds: { x: 10, y: 20, width: 1000, height: 700 }, isMaximized: false };

describe('mainWindowOptions', () => {
  it('hardens webPreferences and loads the bundled preload', () => {
    const options = mainWindowOptions({ preloadPath: '/app/dist-electron/preload.cjs', restored, darkTheme: false });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('stays hidden until ready-to-show, with the restored bounds and the theme background', () => {
    const light = mainWindowOptions({ preloadPath: 'p', restored, darkTheme: false });
    expect(light).toMatchObject({ show: false, x: 10, y: 20, width: 1000, height: 700, backgroundColor: WINDOW_BACKGROUND.light });
    expect(mainWindowOptions({ preloadPath: 'p', restored, darkTheme: true }).backgroundColor).toBe(WINDOW_BACKGROUND.dark);
  });

  it('matches the renderer stylesheet background colours', () => {
    const css = readFileSync(join(__dirname, '../../../renderer/styles.css'), 'utf8');
    expect(css).toContain(`--bg: ${WINDOW_BACKGROUND.light}`);
    expect(css).toContain(`--bg: ${WINDOW_BACKGROUND.dark}`);
  });
});

describe('startUrl', () => {
  it('loads the app scheme in production and the dev server in development', () => {
    expect(startUrl(resolveRuntimeMode({}, true))).toBe('app://clearday/index.html');
    expect(startUrl(resolveRuntimeMode({ CLEARDAY_DEV_SERVER_URL: 'http://localhost:5273' }, false))).toBe('http://localhost:5273/');
  });
});

describe('electron/ sources', () => {
  const dir = join(__dirname, '../../../electron');
  const sources = readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

  it('never weaken a security preference', () => {
    const weakening = [/contextIsolation\s*:\s*false/, /sandbox\s*:\s*false/, /nodeIntegration\s*:\s*true/, /webSecurity\s*:\s*false/, /allowRunningInsecureContent\s*:\s*true/];
    for (const { name, text } of sources) {
      for (const pattern of weakening) expect(pattern.test(text), `${name} matches ${pattern}`).toBe(false);
    }
  });

  it('import electron only as types, except the two entry files', () => {
    for (const { name, text } of sources) {
      if (name === 'main.ts' || name === 'preload.ts') continue;
      expect(/^import\s+(?!type\b)[^;]*from\s+'electron'/m.test(text), name).toBe(false);
    }
  });

  it('the preload imports only the bridge, and the bridge only the channel names', () => {
    const imports = (name: string) => [...(sources.find((source) => source.name === name)?.text ?? '').matchAll(/^import\s+(type\s+)?[^;]*from\s+'([^']+)'/gm)];
    expect(imports('preload.ts').map((match) => match[2])).toEqual(['electron', './bridge']);
    const runtimeImports = imports('bridge.ts').filter((match) => !match[1]).map((match) => match[2]);
    expect(runtimeImports).toEqual(['../shared/ipc/channels']);
  });
});
