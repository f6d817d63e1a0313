import { decode, encode } from '@msgpack/msgpack'
import { deflateSync, inflateSync } from 'node:zlib'
import { SPACY_SYMBOLS, spacyHash, type SpacyDoc } from '../../shared/dataset'

/**
 * spaCy's DocBin (.spacy) bytes, written and read without Python, as spaCy 3.8 does in
 * spacy/tokens/_serialize.py: zlib(msgpack({
 *   version: "0.1", attrs: [ORTH, ENT_IOB, ENT_TYPE],
 *   tokens: uint64 little-endian rows (one per word, one column per attr),
 *   spaces: one bool byte per word, lengths: int32 words per doc,
 *   strings: every string used (sorted), cats: [{}], flags: [{has_unknown_spaces: false}],
 *   span_groups: per doc, msgpack([SpanGroup bytes]) — the list form SpanGroups.from_bytes reads
 * })). A SpanGroup is msgpack({name, attrs: {}, spans: [">QQQllll" id, kb_id, label, start, end,
 * start_char, end_char]}) (spacy/tokens/span_group.pyx). Strings are keyed by spaCy's
 * hash (MurmurHash64A, seed 1), except spaCy's symbols (PERSON, DATE, …), which are keyed
 * by their symbol id: the StringStore never stores those under a hash.
 */

export const ORTH = 65
export const ENT_IOB = 77
export const ENT_TYPE = 78
/** Token.iob_strings(): "", I, O, B. */
const IOB = { I: 1n, O: 2n, B: 3n } as const

const hashes = new Map<string, bigint>()
/** The StringStore key of a string. */
export function stringKey(s: string): bigint {
  let h = hashes.get(s)
  if (h === undefined) {
    const symbol = SPACY_SYMBOLS.get(s)
    h = symbol !== undefined ? BigInt(symbol) : spacyHash(s)
    if (hashes.size > 200_000) hashes.clear()
    hashes.set(s, h)
  }
  return h
}

const byCodePoint = (a: string, b: string): number => {
  const x = Array.from(a)
  const y = Array.from(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!
    if (d !== 0) return d
  }
  return x.length - y.length
}

function spanGroupBytes(doc: SpacyDoc, name: string): Uint8Array {
  const spans = doc.spans.map((s) => {
    const b = new DataView(new ArrayBuffer(40))
    b.setBigUint64(0, 0n) // id
    b.setBigUint64(8, 0n) // kb_id
    b.setBigUint64(16, stringKey(s.label))
    b.setInt32(24, s.wordStart)
    b.setInt32(28, s.wordEnd)
    b.setInt32(32, s.start)
    b.setInt32(36, s.end)
    return new Uint8Array(b.buffer)
  })
  return encode({ name, attrs: {}, spans })
}

/** The .spacy file of the documents, every span in doc.spans[group], the disjoint ones as doc.ents. */
export function encodeDocBin(docs: readonly SpacyDoc[], group = 'sc'): Buffer {
  const attrs = [ORTH, ENT_IOB, ENT_TYPE]
  const total = docs.reduce((n, d) => n + d.words.length, 0)
  const tokens = new DataView(new ArrayBuffer(total * attrs.length * 8))
  const spaces = new Uint8Array(total)
  const lengths = new DataView(new ArrayBuffer(docs.length * 4))
  const strings = new Set<string>([''])
  let row = 0
  docs.forEach((d, i) => {
    lengths.setInt32(i * 4, d.words.length, true)
    const iob = new Array<bigint>(d.words.length).fill(IOB.O)
    const type = new Array<string>(d.words.length).fill('')
    for (const e of d.ents) {
      for (let w = e.wordStart; w < e.wordEnd; w++) {
        iob[w] = w === e.wordStart ? IOB.B : IOB.I
        type[w] = e.label
      }
    }
    d.words.forEach((w, k) => {
      strings.add(w.text)
      strings.add(type[k] as string)
      const at = (row + k) * attrs.length * 8
      tokens.setBigUint64(at, stringKey(w.text), true)
      tokens.setBigUint64(at + 8, iob[k] as bigint, true)
      tokens.setBigUint64(at + 16, type[k] === '' ? 0n : stringKey(type[k] as string), true)
      spaces[row + k] = w.ws ? 1 : 0
    })
    for (const s of d.spans) strings.add(s.label)
    row += d.words.length
  })
  const msg = {
    version: '0.1',
    attrs,
    tokens: new Uint8Array(tokens.buffer),
    spaces,
    lengths: new Uint8Array(lengths.buffer),
    strings: [...strings].sort(byCodePoint),
    cats: docs.map(() => ({})),
    flags: docs.map(() => ({ has_unknown_spaces: false })),
    span_groups: docs.map((d) => encode([spanGroupBytes(d, group)]))
  }
  return deflateSync(encode(msg))
}

export interface DecodedSpacyDoc {
  words: string[]
  spaces: boolean[]
  text: string
  /** doc.ents from ENT_IOB/ENT_TYPE: word ranges, end exclusive, and the label. */
  ents: { wordStart: number; wordEnd: number; label: string }[]
  /** doc.spans by key: word and character ranges and the label. */
  spans: Record<string, { wordStart: number; wordEnd: number; start: number; end: number; label: string }[]>
}

type DocBinMsg = {
  version: string
  attrs: number[]
  tokens: Uint8Array
  spaces: Uint8Array
  lengths: Uint8Array
  strings: string[]
  span_groups?: Uint8Array[]
}

/**
 * Reads .spacy bytes back the way DocBin.from_bytes and get_docs do, resolving every
 * key through the strings it carries (and the symbol table); throws on a key without a
 * string, as spaCy does (E018).
 */
export function decodeDocBin(bytes: Uint8Array): DecodedSpacyDoc[] {
  const msg = decode(inflateSync(bytes), { useBigInt64: true }) as DocBinMsg
  const byKey = new Map<bigint, string>()
  for (const [s, id] of SPACY_SYMBOLS) byKey.set(BigInt(id), s)
  for (const s of msg.strings) byKey.set(stringKey(s), s)
  const str = (key: bigint): string => {
    const s = byKey.get(key)
    if (s === undefined) throw new Error(`DocBin: no string for hash ${key} (spaCy E018).`)
    return s
  }
  const n = msg.attrs.length
  const orth = msg.attrs.indexOf(ORTH)
  const iobCol = msg.attrs.indexOf(ENT_IOB)
  const typeCol = msg.attrs.indexOf(ENT_TYPE)
  const tokens = new DataView(msg.tokens.buffer, msg.tokens.byteOffset, msg.tokens.byteLength)
  const lengths = new DataView(msg.lengths.buffer, msg.lengths.byteOffset, msg.lengths.byteLength)
  const out: DecodedSpacyDoc[] = []
  let row = 0
  for (let i = 0; i < lengths.byteLength / 4; i++) {
    const len = lengths.getInt32(i * 4, true)
    const cell = (r: number, c: number): bigint => tokens.getBigUint64(((row + r) * n + c) * 8, true)
    const words: string[] = []
    const spaces: boolean[] = []
    const ents: DecodedSpacyDoc['ents'] = []
    for (let k = 0; k < len; k++) {
      words.push(str(cell(k, orth)))
      spaces.push(msg.spaces[row + k] === 1)
      if (iobCol < 0) continue
      const iob = cell(k, iobCol)
      if (iob === IOB.B) ents.push({ wordStart: k, wordEnd: k + 1, label: str(cell(k, typeCol)) })
      else if (iob === IOB.I) {
        const open = ents[ents.length - 1]
        if (!open || open.wordEnd !== k) throw new Error(`DocBin: doc ${i}, word ${k}: I without an entity before it.`)
        open.wordEnd = k + 1
      }
    }
    const spans: DecodedSpacyDoc['spans'] = {}
    const groupBytes = msg.span_groups?.[i]
    if (groupBytes && groupBytes.length > 0) {
      for (const g of decode(groupBytes) as Uint8Array[]) {
        const group = decode(g, { useBigInt64: true }) as { name: string; spans: Uint8Array[] }
        spans[group.name] = group.spans.map((b) => {
          const v = new DataView(b.buffer, b.byteOffset, b.byteLength)
          return { label: str(v.getBigUint64(16)), wordStart: v.getInt32(24), wordEnd: v.getInt32(28), start: v.getInt32(32), end: v.getInt32(36) }
        })
      }
    }
    out.push({ words, spaces, text: words.map((w, k) => w + (spaces[k] ? ' ' : '')).join(''), ents, spans })
    row += len
  }
  return out
}
