// electron-builder afterPack hook: flips Electron's fuses in the packaged binary before it is signed.
// Off: running as plain Node (ELECTRON_RUN_AS_NODE), NODE_OPTIONS, --inspect flags, file:// extra privileges.
// On: cookie encryption, embedded ASAR integrity validation, loading the app only from app.asar.
// `afterPack(context, flip)` takes the flipper as a parameter so tests can observe the call.
'use strict';
const path = require('node:path');

/** The fuse settings for every platform (arm64 macOS needs its ad-hoc signature reset after the binary changes). */
function fuseConfig(platform, arch) {
  const { FuseVersion, FuseV1Options } = require('@electron/fuses');
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature: (platform === 'darwin' || platform === 'mas') && arch === 'arm64',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** electron-builder's Arch enum is numeric; @electron/fuses wants the name. */
const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

/** Where the Electron binary (the file that holds the fuse wire) is inside the packed app folder. */
function electronBinaryPath(context) {
  const platform = context.electronPlatformName;
  const name = context.packager.appInfo.productFilename;
  if (platform === 'darwin' || platform === 'mas') return path.join(context.appOutDir, `${name}.app`);
  if (platform === 'win32') return path.join(context.appOutDir, `${name}.exe`);
  return path.join(context.appOutDir, context.packager.executableName);
}

async function afterPack(context, flip = require('@electron/fuses').flipFuses) {
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : context.arch;
  const binary = electronBinaryPath(context);
  await flip(binary, fuseConfig(context.electronPlatformName, arch));
  console.log(`  • fuses set in ${path.basename(binary)}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
module.exports.electronBinaryPath = electronBinaryPath;
