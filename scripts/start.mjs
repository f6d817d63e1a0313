// `npm start`: builds, then runs the desktop app, or web mode where Electron's
// runtime binary is not installed (e.g. machines without access to its download).
import { spawn, spawnSync } from 'node:child_process'
import { constants } from 'node:os'
import { join } from 'node:path'
import { appRoot, electronRuntime } from './electron-runtime.mjs'

const extraArgs = process.argv.slice(2)
const isWindows = process.platform === 'win32'

const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: appRoot, stdio: 'inherit', shell: isWindows })
if (build.status !== 0) {
  const why = build.error ? build.error.message : `exit status ${build.status ?? build.signal}`
  console.error(`\nnpm start: the build failed (electron-vite build: ${why}). Fix the errors above and run "npm start" again.`)
  process.exit(build.status || 1)
}

const runtime = electronRuntime()
if (runtime.installed) {
  // ELECTRON_RUN_AS_NODE would make the binary behave as plain Node.
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  runChild(runtime.executable, [appRoot, ...extraArgs], env)
} else {
  console.log(
    `Electron's runtime is not installed on this machine (get it with "npx install-electron" where there is network access); starting web mode instead.`
  )
  runChild(process.execPath, [join(appRoot, 'bin', 'spanmark.js'), 'serve', ...extraArgs], process.env)
}

/** Runs the app in the foreground: passes Ctrl-C / kill on to it and exits with its status. */
function runChild(command, args, env) {
  const child = spawn(command, args, { cwd: appRoot, stdio: 'inherit', env })
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  }
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  child.on('error', (err) => {
    console.error(`npm start: could not run ${command}: ${err.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1))
  })
}
