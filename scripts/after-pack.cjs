// electron-builder afterPack hook (electron-builder.yml): flips Electron's fuses in the packaged
// binary before it is signed and wrapped in an installer. A packaged Spanmark then cannot be used as
// a plain Node runtime (ELECTRON_RUN_AS_NODE), ignores NODE_OPTIONS and --inspect, only loads its
// code from app.asar and checks that archive's integrity (macOS and Windows; electron-builder embeds
// the hash), and encrypts its cookies at rest.
const path = require('node:path')

/** The fuses Spanmark sets, by @electron/fuses' FuseV1Options name. Every other fuse keeps Electron's default. */
const SPANMARK_FUSES = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  EnableCookieEncryption: true
}

/** The file holding the fuse wire inside a packaged app (on macOS @electron/fuses finds the framework from the .app). */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const productFilename = packager.appInfo.productFilename
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${productFilename}.app`)
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${productFilename}.exe`)
  return path.join(appOutDir, packager.executableName)
}

/** Flips SPANMARK_FUSES in `binary`; resetAdHocSignature re-signs Apple-silicon builds, which must stay signed. */
async function flipSpanmarkFuses(binary, { resetAdHocSignature = false } = {}) {
  // @electron/fuses is an ES module; this hook is CommonJS because electron-builder require()s it.
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses')
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: resetAdHocSignature }
  for (const [name, value] of Object.entries(SPANMARK_FUSES)) config[FuseV1Options[name]] = value
  return flipFuses(binary, config)
}

async function afterPack(context) {
  const binary = electronBinaryPath(context)
  // Arch.arm64 is 3 in builder-util's enum.
  const armMac = context.electronPlatformName === 'darwin' && context.arch === 3
  await flipSpanmarkFuses(binary, { resetAdHocSignature: armMac })
  console.log(`  • spanmark: Electron fuses set in ${path.basename(binary)}`)
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.SPANMARK_FUSES = SPANMARK_FUSES
module.exports.electronBinaryPath = electronBinaryPath
module.exports.flipSpanmarkFuses = flipSpanmarkFuses
