// The floor and the peers, served from one static server on 127.0.0.1 (port 0):
//   /floor.html               the document in a plain white-space: pre-wrap element, no highlights
//   /peers/label-studio.html  Label Studio's frontend (node_modules/label-studio/build, as shipped)
//   /peers/recogito.html      @recogito/text-annotator, bundled here with vite
//   /data/long.json           {text, spans} (UTF-16 offsets) that the peer pages fetch
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'
import { ROOT, startStatic } from './servers.mjs'

/** In-page conditions: the highlight count once the system's labelled text is in the DOM. */
export const PAINTED = {
  spanmark: `() => { const t = document.querySelector('[data-doc-text]'); return t && t.querySelector('.block') ? t.querySelectorAll('mark[data-label]').length : 0 }`,
  floor: `() => document.readyState !== 'loading' && document.getElementById('doc') ? 1 : 0`,
  'label-studio': `() => document.querySelectorAll('.htx-highlight').length`,
  recogito: `() => document.querySelectorAll('.r6o-annotation').length`
}

export const PAGES = { floor: 'floor.html', 'label-studio': 'peers/label-studio.html', recogito: 'peers/recogito.html' }

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export function floorHtml(text) {
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>Floor</title>
<style>body { margin: 0; } #doc { white-space: pre-wrap; font: 16px/1.6 sans-serif; padding: 16px 24px; max-width: 1100px; }</style>
</head><body><div id="doc">${escapeHtml(text)}</div></body></html>
`
}

/** Bundles the Recogito peer (bench/peers/recogito-entry.js) into `outDir`: recogito.js + recogito.css. */
export async function buildRecogito(outDir) {
  mkdirSync(outDir, { recursive: true })
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: {
        entry: join(ROOT, 'bench', 'peers', 'recogito-entry.js'),
        formats: ['iife'],
        name: 'RecogitoBundle',
        fileName: () => 'recogito.js',
        cssFileName: 'recogito'
      }
    }
  })
}

/** Starts the static server for a long document {text, spans}; `tmp` receives the Recogito bundle. */
export async function startPeers(doc, tmp) {
  const recogitoDir = join(tmp, 'recogito-bundle')
  await buildRecogito(recogitoDir)
  return startStatic({
    mounts: {
      '/label-studio/': join(ROOT, 'node_modules', 'label-studio', 'build'),
      '/recogito/': recogitoDir,
      '/peers/': join(ROOT, 'bench', 'peers')
    },
    pages: {
      '/floor.html': { type: 'text/html; charset=utf-8', body: floorHtml(doc.text) },
      '/data/long.json': { type: 'application/json; charset=utf-8', body: JSON.stringify({ text: doc.text, spans: doc.spans }) }
    }
  })
}
