// electron-builder afterPack hook: flips Electron's fuses in the packaged binary before it is signed.
// Off: running as plain Node (ELECTRON_RUN_AS_NODE), NODE_OPTIONS, --inspect flags, file:// extra privileges.
// On: cookie encryption, embedded ASAR integrity validation, loading the app only from app.asar.
// `afterPack(context, flip)` takes the flipper as a parameter so tests can observe the call.
// @electron/fuses 1.8 (the newest that runs on Node 20) knows 8 fuses; Electron 45 binaries carry 9
// (WasmTrapHandlers, electron/electron#48983), so its strictlyRequireAllFuses refuses every current binary.
// Instead we flip the fuses it knows, then read the wire back and fail on any fuse we have not reviewed.
'use strict';
const path = require('node:path');

/** The fuse settings for every platform (arm64 macOS needs its ad-hoc signature reset after the binary changes). */
function fuseConfig(platform, arch) {
  const { FuseVersion, FuseV1Options } = require('@electron/fuses');
  return {
    version: FuseVersion.V1,
    // Enforced by flipStrict() below (1.8's own check refuses every 9-fuse binary).
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

/**
 * Fuses newer than @electron/fuses' list, by wire index: the state we accept and why. A fuse not named here
 * or in fuseConfig() fails the build, so a new Electron fuse is always a reviewed decision.
 */
const REVIEWED_EXTRA_FUSES = {
  8: { name: 'WasmTrapHandlers', accept: ['1'], why: 'on by default: faster, bounds-checked WebAssembly (manifold runs in WASM)' },
};

/**
 * Reads the wire back: every configured fuse must hold its setting, every other fuse must be reviewed
 * above. `wire` is what @electron/fuses' getCurrentFuseWire returns ({ version, [index]: char code }).
 * Returns the problems found (empty when the binary is as intended).
 */
function verifyFuseWire(wire, config) {
  const problems = [];
  const indices = Object.keys(wire).filter((k) => /^\d+$/.test(k)).map(Number);
  for (const i of indices) {
    const state = String.fromCharCode(wire[i]);
    if (Object.hasOwn(config, String(i))) {
      const want = config[i] ? '1' : '0';
      if (state !== want) problems.push(`fuse ${i} is ${state}, expected ${want}`);
    } else if (Object.hasOwn(REVIEWED_EXTRA_FUSES, String(i))) {
      const r = REVIEWED_EXTRA_FUSES[i];
      if (!r.accept.includes(state)) problems.push(`fuse ${i} (${r.name}) is ${state}, expected ${r.accept.join(' or ')}`);
    } else {
      problems.push(`fuse ${i} is new in this Electron and has not been reviewed: add it to build/after-pack.cjs`);
    }
  }
  return problems;
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

/**
 * flipFuses with our own strict check: @electron/fuses writes the fuses it knows (its strict mode off), then
 * the wire is read back and every fuse must be as configured or reviewed (REVIEWED_EXTRA_FUSES).
 */
async function flipStrict(binary, config) {
  const { flipFuses, getCurrentFuseWire } = require('@electron/fuses');
  const strict = config.strictlyRequireAllFuses;
  const n = await flipFuses(binary, { ...config, strictlyRequireAllFuses: false });
  if (strict) {
    const problems = verifyFuseWire(await getCurrentFuseWire(binary), config);
    if (problems.length) throw new Error(`Electron's fuses in ${path.basename(binary)} are not as intended: ${problems.join('; ')}`);
  }
  return n;
}

async function afterPack(context, flip = flipStrict) {
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : context.arch;
  const binary = electronBinaryPath(context);
  await flip(binary, fuseConfig(context.electronPlatformName, arch));
  console.log(`  • fuses set in ${path.basename(binary)}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
module.exports.electronBinaryPath = electronBinaryPath;
module.exports.verifyFuseWire = verifyFuseWire;
module.exports.flipStrict = flipStrict;
