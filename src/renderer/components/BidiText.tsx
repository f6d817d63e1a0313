import { Fragment, type ReactNode } from 'react'
import { hasBidiControl, splitBidi } from '../text/bidi'
import { useT } from '../use-t'

/**
 * A run of document text as React text. Each bidi control in it is wrapped in
 * a span.bidi-control that CSS isolates and labels (e.g. ⟨RLO⟩, drawn by
 * ::before so it is not part of textContent); the character itself stays.
 * Text without controls is returned as is: no extra elements.
 */
export function bidiText(text: string, key: string | number): ReactNode {
  if (!hasBidiControl(text)) return text
  return (
    <Fragment key={key}>
      {splitBidi(text).map((p, i) =>
        p.control === undefined ? (
          p.text
        ) : (
          <BidiControl key={i} text={p.text} control={p.control} />
        )
      )}
    </Fragment>
  )
}

function BidiControl({ text, control }: { text: string; control: string }) {
  const t = useT()
  const code = text.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0') ?? ''
  return (
    <span className="bidi-control" data-bidi={control} title={t('pane:text.bidiControl', { code, name: control })}>
      {text}
    </span>
  )
}
