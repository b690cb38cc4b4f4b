// Types of electron-binary.mjs for the TypeScript files that import it (tests/electron).
export function electronPackage(): { dir: string; version: string } | undefined;
export function findElectronBinary(): { binary: string; version: string; reason?: undefined } | { binary?: undefined; version?: string; reason: string };
export function downloadElectronBinary(): { ok: true } | { ok: false; detail: string };
export function ensureElectronBinary(options?: { onDownload?: (version: string) => void }): ReturnType<typeof findElectronBinary>;
