#!/usr/bin/env node
'use strict'
// The CLI entry: runs the built core (npm run build writes out/main/cli.js).
const path = require('node:path')
const fs = require('node:fs')
const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js')
if (!fs.existsSync(cli)) {
  process.stderr.write('spanmark: the app is not built yet. Run: npm run build\n')
  process.exit(1)
}
// Output to a closed pipe (`spanmark dataset … | head -2`): the reader has all it wanted.
// Stop writing to that stream and let the command finish quietly instead of dying on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') {
      stream.write = () => true
      return
    }
    throw err
  })
}
const { runCli } = require(cli)
runCli(process.argv.slice(2)).then((status) => {
  if (status !== 0) process.exitCode = status
})
