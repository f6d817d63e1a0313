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
const { runCli } = require(cli)
runCli(process.argv.slice(2)).then((status) => {
  if (status !== 0) process.exitCode = status
})
