// `prestart`: makes a better-sqlite3 build for Electron's ABI in
// .electron-abi/<electron version>/better_sqlite3.node. node_modules keeps the
// Node-ABI build, which the CLI, web mode and the tests need; the Electron main
// process loads this one through better-sqlite3's `nativeBinding` option
// (src/main/electron/native-binding.ts). Does nothing when Electron's runtime is
// not installed, since `npm start` then runs web mode under Node.
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { appRoot, electronRuntime } from './electron-runtime.mjs'

const runtime = electronRuntime()
if (!runtime.installed) process.exit(0)

const version = runtime.version
const target = join(appRoot, '.electron-abi', version, 'better_sqlite3.node')
if (existsSync(target)) process.exit(0)

const source = join(appRoot, 'node_modules', 'better-sqlite3')
if (!existsSync(source)) fail('node_modules/better-sqlite3 is missing. Run "npm install" first.')

// Build in a copy so node_modules/better-sqlite3/build (the Node-ABI build) is untouched.
const work = join(appRoot, '.electron-abi', `src-${version}`)
console.log(`Preparing better-sqlite3 for Electron ${version} (${process.arch}) in ${relative(appRoot, work)}…`)
rmSync(work, { recursive: true, force: true })
cpSync(source, work, {
  recursive: true,
  filter: (file) => {
    const rel = relative(source, file)
    return rel !== 'build' && !rel.startsWith(`build${sep}`)
  }
})

const common = [`--runtime=electron`, `--target=${version}`, `--arch=${process.arch}`]
const prebuilt = run(tool('prebuild-install', join('prebuild-install', 'bin.js')), common)
if (!prebuilt) {
  console.log('No prebuilt binary could be fetched; compiling from source with node-gyp…')
  const gyp = process.env.npm_config_node_gyp ? [process.execPath, process.env.npm_config_node_gyp] : npx('node-gyp')
  const built = run(gyp, ['rebuild', '--release', ...common, '--dist-url=https://electronjs.org/headers'])
  if (!built) {
    fail(
      [
        `Could not get better-sqlite3 for Electron ${version}.`,
        '  - The prebuilt binary is downloaded from github.com; compiling needs the Electron headers from electronjs.org,',
        '    Python 3 and a C++ toolchain (build-essential / Xcode command line tools / Visual Studio Build Tools).',
        '  Fix whichever is missing and run "npm start" again,',
        '  or use web mode meanwhile: npm run build && node bin/spanmark.js serve'
      ].join('\n')
    )
  }
}

const binary = join(work, 'build', 'Release', 'better_sqlite3.node')
if (!existsSync(binary)) fail(`The build finished but ${relative(appRoot, binary)} is missing; delete .electron-abi/ and run "npm start" again.`)
mkdirSync(join(appRoot, '.electron-abi', version), { recursive: true })
// Copy then rename, so an interrupted copy never leaves a half-written binary behind.
copyFileSync(binary, `${target}.tmp`)
renameSync(`${target}.tmp`, target)
rmSync(work, { recursive: true, force: true })
console.log(`better-sqlite3 for Electron ${version} is ready: ${relative(appRoot, target)}`)

/** The locally installed tool when there is one, else npx (which may fetch it from npm). */
function tool(name, binInPackage) {
  const local = join(appRoot, 'node_modules', binInPackage)
  return existsSync(local) ? [process.execPath, local] : npx(name)
}

function npx(name) {
  return ['npx', '--yes', name]
}

function run([command, ...prefix], args) {
  const result = spawnSync(command, [...prefix, ...args], {
    cwd: work,
    stdio: 'inherit',
    // npx is npx.cmd on Windows, which needs a shell.
    shell: process.platform === 'win32' && command === 'npx'
  })
  if (result.error) console.error(`Could not run ${command}: ${result.error.message}`)
  return result.status === 0
}

function fail(message) {
  console.error(`\nprepare-electron-sqlite: ${message}\n`)
  process.exit(1)
}
