import { describe, expect, it } from 'vitest'
import { OffsetMap } from '../../src/shared/offsets'
import { DatasetEncoder, KLUE_PREAMBLE, decodeKlue, splitSentences, type DatasetSpan } from '../../src/shared/dataset'

function at(text: string, needle: string, label: string, nth = 0): DatasetSpan {
  let u = -1
  for (let k = 0; k <= nth; k++) u = text.indexOf(needle, u + 1)
  if (u < 0) throw new Error(`${needle} not in text`)
  const start = OffsetMap.of(text).toCodePoint(u)
  return { start, end: start + [...needle].length, label }
}

describe('klue format', () => {
  it('lays out the first sentence of klue-ner-v1 train as KLUE does', () => {
    // klue-ner-v1.1_train.tsv, sentence klue-ner-v1_train_00000_wikitree
    const text = '특히 영동고속도로 강릉 방향 문막휴게소에서 만종분기점까지 5km 구간에는 승용차 전용 임시 갓길차로제를 운영하기로 했다.'
    const spans = [
      at(text, '영동고속도로', 'LOCATION'),
      at(text, '강릉', 'LOCATION'),
      at(text, '문막휴게소', 'LOCATION'),
      at(text, '만종분기점', 'LOCATION'),
      at(text, '5km', 'QUANTITY')
    ]
    const enc = new DatasetEncoder({ format: 'klue', klueTags: { LOCATION: 'LC', QUANTITY: 'QT' } }, ['LOCATION', 'QUANTITY'])
    const { output } = enc.encode({ id: 'klue-ner-v1_train', text, meta: {} }, spans)
    const lines = output.split('\n')
    expect(lines[0]).toBe(
      '## klue-ner-v1_train_00000\t특히 <영동고속도로:LC> <강릉:LC> 방향 <문막휴게소:LC>에서 <만종분기점:LC>까지 <5km:QT> 구간에는 승용차 전용 임시 갓길차로제를 운영하기로 했다.'
    )
    expect(lines.slice(1, 14)).toEqual([
      '특\tO',
      '히\tO',
      ' \tO',
      '영\tB-LC',
      '동\tI-LC',
      '고\tI-LC',
      '속\tI-LC',
      '도\tI-LC',
      '로\tI-LC',
      ' \tO',
      '강\tB-LC',
      '릉\tI-LC',
      ' \tO'
    ])
    const rows = lines.slice(1, 1 + [...text].length)
    expect(rows).toContain('5\tB-QT')
    expect(rows).toContain('k\tI-QT')
    expect(rows.at(-1)).toBe('.\tO')
    // one row per character, then a blank line
    expect(output.endsWith('.\tO\n\n')).toBe(true)
    expect(lines).toHaveLength(1 + [...text].length + 2)
    expect(enc.labels).toEqual(['LC', 'QT'])
    expect(enc.report().counts.kept).toBe(5)
  })

  it('splits Korean news into sentences, maps the default tags, tags spaces inside entities I-X and drops spans across sentences', () => {
    const text = '😀 샘 올트먼 오픈AI CEO와 최태원 SK그룹 회장이 4일 회동했다.\r\n이어 오찬 회동도 했다! 다음 달 재회.'
    const spans = [
      at(text, '샘 올트먼', 'PERSON'),
      at(text, '오픈AI', 'ORGANISATION'),
      at(text, '최태원', 'PERSON'),
      at(text, 'SK그룹', 'ORGANISATION'),
      at(text, '4일', 'DATE'),
      at(text, '회동', 'MEETING'),
      at(text, '오찬 회동', 'MEETING'),
      at(text, '했다.\r\n이어', 'DATE'),
      at(text, '다음 달', 'DATE')
    ]
    const enc = new DatasetEncoder({ format: 'klue' }, ['PERSON', 'ORGANISATION', 'DATE', 'MEETING'])
    const { output, spans: written } = enc.encode({ id: 'news-2', text, meta: {} }, spans)
    const blocks = output.split('\n\n')
    expect(blocks).toHaveLength(4)
    expect(blocks[3]).toBe('')
    const first = (blocks[0] as string).split('\n')
    expect(first[0]).toBe('## news-2_00000\t😀 <샘 올트먼:PS> <오픈AI:OG> CEO와 <최태원:PS> <SK그룹:OG> 회장이 <4일:DT> <회동:EV>했다.')
    expect(first.slice(1, 8)).toEqual(['😀\tO', ' \tO', '샘\tB-PS', ' \tI-PS', '올\tI-PS', '트\tI-PS', '먼\tI-PS'])
    expect((blocks[1] as string).split('\n')[0]).toBe('## news-2_00001\t이어 <오찬 회동:EV>도 했다!')
    expect((blocks[2] as string).split('\n')[0]).toBe('## news-2_00002\t<다음 달:DT> 재회.')
    expect(output).not.toContain('\r')
    const r = enc.report()
    expect(r.counts['dropped-sentence']).toBe(1)
    expect(r.examples.find((e) => e.outcome === 'dropped-sentence')).toMatchObject({ docId: 'news-2', text: '했다.\r\n이어', reason: 'crosses from sentence 1 into sentence 2' })
    expect(written).toHaveLength(8)
    expect(enc.labels).toEqual(['PS', 'OG', 'DT', 'EV'])
    // reading it back: sentences, BIO spans, with KLUE's file preamble in front
    const back = decodeKlue(KLUE_PREAMBLE + output)
    expect(back.map((s) => s.id)).toEqual(['news-2_00000', 'news-2_00001', 'news-2_00002'])
    expect(back[2]?.spans).toEqual([{ start: 0, end: 4, label: 'DT' }])
  })

  it('writes nothing for a document without sentences and counts its spans', () => {
    const enc = new DatasetEncoder({ format: 'klue' })
    const { output } = enc.encode({ id: 'blank', text: ' \r\n\t ', meta: {} }, [{ start: 0, end: 3, label: 'DATE' }])
    expect(output).toBe('')
    expect(enc.report().counts['dropped-align']).toBe(1)
  })

  it('refuses an id that a "## " line cannot hold and tags that break the inline format', () => {
    expect(() => new DatasetEncoder({ format: 'klue' }).encode({ id: 'a\tb', text: '가', meta: {} }, [])).toThrow(/tab or line break/)
    expect(() => new DatasetEncoder({ format: 'klue', klueTags: { PERSON: 'P:S' } }).encode({ id: 'a', text: '가', meta: {} }, [{ start: 0, end: 1, label: 'PERSON' }])).toThrow(/--map/)
  })

  it('decodeKlue rejects invalid BIO and an inline line that disagrees with the rows', () => {
    expect(() => decodeKlue('## s\t가\n가\tI-PS\n\n')).toThrow(/I-PS must continue/)
    expect(() => decodeKlue('## s\t<가:PS>\n가\tO\n\n')).toThrow(/does not match the rows/)
    expect(() => decodeKlue('가\tO\n\n')).toThrow(/instead of a "## id/)
    expect(decodeKlue('## s\t가\t나\n가\tO\n\t\tO\n나\tO\n\n')[0]).toMatchObject({ text: '가\t나', inline: '가\t나' })
  })
})

describe('sentence split', () => {
  const cut = (text: string): string[] => splitSentences(text).map((r) => [...text].slice(r.start, r.end).join(''))

  it('splits at line breaks and after .?! followed by whitespace, trims, drops empty sentences', () => {
    expect(cut('회동했다. 이어 면담?! 네\r\n\r\n  끝\u2028다음')).toEqual(['회동했다.', '이어 면담?!', '네', '끝', '다음'])
  })

  it('does not split inside 3.5% or at a final period, and counts astral characters as one', () => {
    expect(cut('금리 3.5% 인상.')).toEqual(['금리 3.5% 인상.'])
    expect(splitSentences('𠀀 가. 나')).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 6 }
    ])
    expect(cut(' \n\t')).toEqual([])
  })
})
