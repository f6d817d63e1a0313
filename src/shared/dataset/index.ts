/**
 * Dataset format layer: pure encoders, decoders, span alignment, loss
 * accounting and validation for `spanmark dataset` and for importing datasets.
 * Offsets are Unicode code points, end exclusive (Python's text[start:end]),
 * except doccano's UTF-16 offsets on the wire.
 *
 * Export (one DatasetEncoder per output file):
 *   const enc = new DatasetEncoder(options: ExportOptions, projectLabelKeys)
 *   enc.encode(doc: DatasetDoc, spans: DatasetSpan[]): { output, spans }  // output: a JSONL line + "\n", or KLUE blocks
 *   enc.labels / enc.classLabels                                          // manifest: label order, hf ClassLabel names
 *   enc.report(): LossReport; formatLossReport(report): string[]         // manifest + printing
 * encode() validates what it wrote by reading it back and throws an Error
 * naming the format and document when anything differs. Pieces are exported for
 * tests and other callers: prepareDocument, encodePrepared, validateEncoded, the
 * per-format encoders, tokenize, alignToTokens, resolveOverlaps, splitSentences,
 * rangesToBio / bioToSpans / validateBio, murmurhash3_32.
 *
 * Label options (every format): `map` renames (FROM → TO) first, then `keep`
 * (names after `map`) removes the rest, counted as removed-label per label.
 * klue then renames to KLUE tags (KLUE_DEFAULT_TAGS: PERSON→PS,
 * ORGANISATION→OG, DATE→DT, MEETING→EV; `klueTags` overrides; unlisted labels
 * keep their name). parseLabelMap / parseLabelList read the CLI values;
 * checkLabelOptions reports names that match no project label.
 *
 * Formats:
 * - spanmark: the canonical line plus "status" (review status) between "meta"
 *   and "spans"; no status, no key. Overlaps kept; no alignment.
 * - doccano: {"id","text","label":[[s,e,"L"],…]}, UTF-16 offsets by default
 *   (offsets: 'codepoint' overrides). Overlaps kept; meta and status not written.
 * - prodigy: {"text","meta","tokens","spans","_input_hash","_task_hash","answer":"accept"}.
 *   Tokens {"text","start","end","id","ws"} are laid out as spaCy's tokenizer does
 *   (spacy-tokens.ts): the chosen tokens (morph by default) plus whitespace other than one
 *   trailing space as tokens of their own ("\n\n"), so tokens + ws give back the text;
 *   spans {"start","end","label","token_start","token_end"}, token_end inclusive, index
 *   those tokens. meta is the document's meta with "id" = document id. Hashes:
 *   MurmurHash3 x86_32, seed 0, signed, over UTF-8: _input_hash of the text,
 *   _task_hash of {"input":_input_hash,"spans":[[s,e,"L"],…]} as JSON (not
 *   Prodigy's exact recipe, but stable and deterministic).
 * - hf: {"id","tokens","ner_tags"}, string BIO tags; tokens 'morph' (default), 'eojeol'
 *   or 'char'. classLabelNames(labels) = ["O","B-L1","I-L1",…].
 * - klue: KLUE-NER TSV (see klue.ts): "## <docId>_<00000>\t<inline <text:TAG>>",
 *   one "<char>\t<tag>" row per code point, blank line after each sentence. A document
 *   imported from KLUE (meta.klue) is written whole under its own id.
 *   KLUE_PREAMBLE is the optional file header.
 * - spacy: a DocBin per file (src/main/dataset/docbin.ts) from spacyDocOf: words are the
 *   tokens cut at every span edge, so no span moves; doc.ents the disjoint spans, doc.spans["sc"]
 *   all of them (overlaps kept). Strings keyed by spacyHash (MurmurHash64A, seed 1) or
 *   SPACY_SYMBOLS.
 *
 * Tokens (tokens.ts): 'char' = every code point, whitespace and line breaks
 * included (so hf char never moves a span, and spaces inside an entity are I-X);
 * 'eojeol' = maximal runs of non-whitespace (JavaScript \s); 'morph' (morph.ts) =
 * eojeols split at punctuation, script changes, particles, 하다 endings and titles.
 * KLUE rows are the code points of each sentence, inner spaces included.
 *
 * Sentences (klue only, sentences.ts): split at every line break Python's
 * splitlines() knows and after [.?!] followed by whitespace; edge whitespace
 * trimmed; empty sentences dropped.
 *
 * Token formats (prodigy, hf, klue, spacy) then, per document:
 * 1. align each span (`align`, default expand): expand = first to last token
 *    touched (올트먼 → 올트먼의, NAVER NER style), contract = tokens wholly inside,
 *    drop = only spans already on token boundaries. A span left with no token is
 *    dropped-align; a moved span is aligned-expanded / aligned-contracted (named
 *    after the mode; whitespace at a span's edges also falls away).
 * 2. klue: a span whose tokens lie in two sentences is dropped-sentence (not cut).
 * 3. overlaps (after alignment; not spacy, whose span group keeps them): keep the longest; ties go to the earlier start,
 *    then the smaller label (code unit order), then a span alignment did not
 *    move, then input order. Each loser is
 *    dropped-overlap, with the span that was kept. Exact duplicates count too.
 * Every input span gets one outcome (LossLedger), so
 *   input = written + dropped-align + dropped-overlap + dropped-sentence + removed-label
 *   written = kept + aligned-expanded + aligned-contracted.
 *
 * Import: detectFormat(firstLineObject) → 'spanmark' | 'doccano' | 'prodigy' | null;
 * decodeSpanmark / decodeDoccano(value, offsets = 'utf16') / decodeProdigy, or
 * decodeRecord(format, value, { offsets }), each → { ok, doc } | { ok: false, problems }
 * (messages without file:line); decodeJsonl(content, { format, offsets }) does a
 * whole file (problems carry line numbers; import only when there are none; with
 * auto-detection a line that looks like another format than line 1 is a problem).
 * doccano files cannot say their offset unit: UTF-16 is assumed, and an offset
 * inside a surrogate pair is reported as a hint to use code points. Prodigy ids
 * are meta.id, else prodigy-<_input_hash>; decodeKlue reads klue TSV back.
 */
export * from './types'
export { KLUE_DEFAULT_TAGS, checkLabelOptions, formatRename, isTokenFormat, keepsLabel, mapLabel, outputLabelOf, outputLabels, parseLabelList, parseLabelMap } from './labels'
export { codePoints, isWhitespace, tokenModeOf, tokenize } from './tokens'
export { alignToTokens, compareForOverlap, resolveOverlaps, type AlignedRange, type OverlapResult, type Ranked } from './align'
export { isKlueSentence, isLineBreak, splitSentences, type SentenceRange } from './sentences'
export { LossLedger, formatLossReport, type LedgerOptions, type LossReport } from './ledger'
export { assertSpansInText, prepareDocument, tokensFor, type PreparedDocument, type PreparedSpan } from './prepare'
export { bioToRanges, bioToSpans, classLabelNames, rangesToBio, validateBio, type TokenRange } from './bio'
export { murmurhash3_32, murmurhash64a, spacyHash, utf8Bytes } from './murmur'
export { SPACY_SYMBOLS } from './spacy-symbols'
export { SPAN_GROUP, cutTokens, spacyDocOf, type SpacyDoc, type SpacySpan } from './spacy-doc'
export { spacyLayout, textOfWords, type SpacyLayout, type SpacyWord } from './spacy-tokens'
export { morphTokens } from './morph'
export { encodeDoccanoLine, encodeDoccanoRelationLine, encodeHfLine, encodeProdigyLine, encodeSpanmarkLine, prodigyInputHash, prodigyTaskHash, prodigyTokens, type ProdigyToken } from './encode-jsonl'
export { KLUE_PREAMBLE, KlueError, decodeKlue, encodeKlueBlock, klueInline, klueSentenceId, sentenceIdOf, type KlueSentence } from './klue'
export { decodeDoccano, decodeProdigy, decodeSpanmark, type DecodeResult } from './decode'
export { decodeJsonl, decodeRecord, detectFormat, type DecodeOptions, type DecodedJsonl, type JsonlProblem } from './detect'
export { checkSpanTexts, hfLineSchema, validateEncoded, validateSpacyDoc } from './validate'
export { DatasetEncoder, encodePrepared, type EncodedDocument } from './encode'
export { cutIgnored, type CutDocument, type IgnoredRange } from './ignored'
