import type { DatasetFormat, EncodedDocument, SpacyDoc } from '../../shared/dataset'
import { decodeDocBin, encodeDocBin } from './docbin'

/** Collects one split's encoded documents and gives the file's bytes. */
export interface SplitWriter {
  add(encoded: EncodedDocument): void
  finish(): string | Buffer
}

/** Text formats append each document's output; spacy collects the documents into one DocBin. */
export function splitWriter(format: DatasetFormat): SplitWriter {
  if (format !== 'spacy') {
    const parts: string[] = []
    return { add: (e) => parts.push(e.output), finish: () => parts.join('') }
  }
  const docs: SpacyDoc[] = []
  return {
    add: (e) => {
      if (!e.spacy) throw new Error('spacy: the encoder returned no document.')
      docs.push(e.spacy)
    },
    finish: () => {
      const bytes = encodeDocBin(docs)
      checkDocBin(bytes, docs)
      return bytes
    }
  }
}

/** Reads the DocBin back and throws unless it gives every document's text, entities and span group. */
export function checkDocBin(bytes: Uint8Array, docs: readonly SpacyDoc[]): void {
  const back = decodeDocBin(bytes)
  if (back.length !== docs.length) throw new Error(`Dataset validation failed (spacy): wrote ${docs.length} documents but the DocBin holds ${back.length}.`)
  back.forEach((b, i) => {
    const d = docs[i] as SpacyDoc
    const fail = (msg: string): never => {
      throw new Error(`Dataset validation failed (spacy, document ${d.id}): ${msg}.`)
    }
    if (b.text !== d.text) fail('the DocBin words and spaces do not give back the text')
    const key = (xs: readonly { wordStart: number; wordEnd: number; label: string }[]): string => JSON.stringify(xs.map((x) => [x.wordStart, x.wordEnd, x.label]))
    if (key(b.ents) !== key(d.ents)) fail(`doc.ents read back ${key(b.ents)}, not ${key(d.ents)}`)
    const sc = b.spans['sc'] ?? []
    if (JSON.stringify(sc.map((s) => [s.start, s.end, s.label])) !== JSON.stringify(d.spans.map((s) => [s.start, s.end, s.label]))) fail('doc.spans["sc"] does not read back the spans written')
  })
}
