// `npm run package`: builds Spanmark's installers for this platform with electron-builder
// (electron-builder.yml): Linux AppImage + deb, macOS dmg, Windows nsis, in dist/.
// electron-builder needs Electron's release zip for the target platform; where it cannot be
// downloaded (an offline machine, such as our CI) this script says so and exits with status 2
// before building anything.
import { spawnSync } from 'node:child_process'
import { connect } from 'node:net'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

const TARGET_FLAGS = { linux: '--linux', darwin: '--mac', win32: '--win' }

/** electron-builder's command-line flag for this platform, or null where Spanmark has no installer. */
export function targetFlag(platform) {
  return TARGET_FLAGS[platform] ?? null
}

/** Where @electron/get (used by electron-builder) keeps downloaded Electron zips. */
export function electronCacheDir(env = process.env, platform = process.platform, home = homedir()) {
  if (env.ELECTRON_CACHE) return env.ELECTRON_CACHE
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'electron')
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'electron', 'Cache')
  return join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'electron')
}

/** The release zip electron-builder fetches, e.g. electron-v45.4.1-linux-x64.zip. */
export function electronZipName(version, platform = process.platform, arch = process.arch) {
  return `electron-v${version}-${platform}-${arch}.zip`
}

/** True when the zip is already in the cache (it keeps each file in a hashed sub-folder). */
export function zipInCache(cacheDir, zipName, depth = 2) {
  if (!existsSync(cacheDir)) return false
  for (const entry of readdirSync(cacheDir)) {
    const full = join(cacheDir, entry)
    if (entry === zipName) return true
    if (depth > 0 && statSync(full).isDirectory() && zipInCache(full, zipName, depth - 1)) return true
  }
  return false
}

/** The host the zip comes from: ELECTRON_MIRROR's, else GitHub's. */
export function downloadHost(env = process.env) {
  try {
    return env.ELECTRON_MIRROR ? new URL(env.ELECTRON_MIRROR).hostname : 'github.com'
  } catch {
    return 'github.com'
  }
}

/** The message for a machine that cannot get Electron: what went wrong, and what to do. */
export function cannotDownloadMessage(zipName, host, cacheDir) {
  return [
    `spanmark package: cannot build installers here: Electron's runtime (${zipName}) is not in the cache`,
    `and ${host} cannot be reached to download it. Nothing was built.`,
    'What to do:',
    '  - run `npm run package` on a machine with network access (installers are built per platform), or',
    `  - copy ${zipName} from https://github.com/electron/electron/releases into ${cacheDir}`,
    '    (or set ELECTRON_MIRROR to a reachable mirror) and run it again.'
  ].join('\n')
}

/** Whether an HTTPS connection to `host` opens (a DNS answer alone is not enough behind some firewalls). */
function canConnect(host, timeoutMs = 5000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port: 443, timeout: timeoutMs })
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.once('connect', () => done(true))
    socket.once('timeout', () => done(false))
    socket.once('error', () => done(false))
  })
}

async function main() {
  const flag = targetFlag(process.platform)
  if (!flag) {
    console.error(`spanmark package: no installer is configured for ${process.platform}; Spanmark builds on Linux, macOS and Windows.`)
    return 2
  }
  const version = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
  const zip = electronZipName(version)
  const cache = electronCacheDir()
  const host = downloadHost()
  if (!zipInCache(cache, zip) && !(await canConnect(host))) {
    console.error(cannotDownloadMessage(zip, host, cache))
    return 2
  }
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const run = (cmd, args) => {
    const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
    if (result.status === 0) return 0
    console.error(`spanmark package: \`${cmd} ${args.join(' ')}\` failed (status ${result.status ?? result.signal}); see its output above.`)
    return result.status || 1
  }
  const built = run(npx, ['electron-vite', 'build'])
  if (built !== 0) return built
  const packaged = run(npx, ['electron-builder', flag, '--publish', 'never'])
  // electron-builder rebuilt node_modules/better-sqlite3 for Electron in place; the CLI, web mode
  // and the tests run under Node and need the Node build back.
  const restored = run(npm, ['rebuild', 'better-sqlite3'])
  if (packaged !== 0) return packaged
  if (restored !== 0) {
    console.error('spanmark package: the installers were built, but better-sqlite3 could not be rebuilt for Node; run `npm rebuild better-sqlite3` before using the CLI or running the tests.')
    return restored
  }
  console.log(`spanmark package: installers are in ${join(root, 'dist')}`)
  return 0
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main()
