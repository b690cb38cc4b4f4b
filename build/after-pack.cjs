// electron-builder `afterPack` hook (package.json "build.afterPack").
//
// Why this is a guard and not the fuse flipper: electron-builder 26 has a built-in
// `electronFuses` option, which flips the fuses with @electron/fuses right before signing,
// i.e. after this hook and after its own asar sanity check, and (resetAdHocDarwinSignature)
// re-signs ad hoc on macOS. Flipping here as well would write the same bytes twice. What the built-in option does not do is refuse
// to build when it is switched off: `-c.electronFuses=null` or a careless config edit would ship
// an app that honours ELECTRON_RUN_AS_NODE, NODE_OPTIONS and --inspect. So this hook fails the
// build unless the release fuses are configured, the Electron binary the fuses will be written
// into exists, and no auto-update metadata was packed.
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks with require() */
/* global require, module -- CommonJS globals: the lint config declares none for build/ */
'use strict';

const { existsSync } = require('node:fs');
const { join } = require('node:path');

/** The fuse settings every release build must carry (names as in electron-builder's schema). */
const REQUIRED_FUSES = Object.freeze({
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  // The app is served from app://clearday, never file://: file pages need no extra powers.
  grantFileProtocolExtraPrivileges: false,
});

/**
 * Where the Electron binary sits inside the packed app: Linux renames it to the executable name,
 * Windows to the product file name plus .exe, and macOS keeps it inside the .app bundle
 * (@electron/fuses accepts the bundle path).
 */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'linux':
      return join(appOutDir, packager.executableName);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    default:
      throw new Error(`after-pack: unknown platform ${electronPlatformName}`);
  }
}

/** The packed app's resources directory, where app.asar and any app-update.yml would be. */
function resourcesPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${packager.appInfo.productFilename}.app`, 'Contents', 'Resources');
  }
  return join(appOutDir, 'resources');
}

/** Names of required fuses that the build configuration leaves unset or sets the other way. */
function missingFuses(configuredFuses) {
  return Object.entries(REQUIRED_FUSES)
    .filter(([name, value]) => configuredFuses == null || configuredFuses[name] !== value)
    .map(([name, value]) => `${name}: ${value}`);
}

async function afterPack(context) {
  const missing = missingFuses(context.packager.config.electronFuses);
  if (missing.length > 0) {
    throw new Error(`after-pack: release builds must set build.electronFuses { ${missing.join(', ')} }`);
  }
  const binary = electronBinaryPath(context);
  if (!existsSync(binary)) {
    throw new Error(`after-pack: no Electron binary at ${binary}, so the fuses could not be flipped`);
  }
  // Clearday never updates itself; electron-builder writes this file only when a publish target exists.
  const updateConfig = join(resourcesPath(context), 'app-update.yml');
  if (existsSync(updateConfig)) {
    throw new Error(`after-pack: ${updateConfig} was packed, but Clearday has no auto-update`);
  }
}

module.exports = afterPack;
module.exports.afterPack = afterPack;
module.exports.REQUIRED_FUSES = REQUIRED_FUSES;
module.exports.electronBinaryPath = electronBinaryPath;
module.exports.resourcesPath = resourcesPath;
module.exports.missingFuses = missingFuses;
