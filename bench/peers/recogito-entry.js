// The Recogito peer's bundle entry: vite bundles @recogito/text-annotator (ESM) with its
// dependencies and CSS into one IIFE that sets window.RecogitoJS (see bench/lib/peers.mjs).
import { createTextAnnotator, W3CTextFormat } from '@recogito/text-annotator'
import '@recogito/text-annotator/text-annotator.css'

window.RecogitoJS = { createTextAnnotator, W3CTextFormat }
