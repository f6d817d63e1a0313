import { useCallback, useEffect, useRef, useState, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react'
import type { SpanmarkApi } from '../../shared/api'
import type { RelationRole } from '../../shared/relations-schema'
import type { AppStore } from '../state/app-store'
import type { LoadedDoc } from '../state/doc-state'
import { canStartLink, chooseRole, DRAG_THRESHOLD_PX, fittingRoles, markAt } from '../state/link-drag'
import type { RelationsStore } from '../state/relations'
import { say } from '../state/status'
import { useT } from '../use-t'

interface LinkDragOptions {
  app: AppStore
  api: SpanmarkApi
  relations: RelationsStore
  docId: string
  loaded: LoadedDoc | null
  /** Only the annotator's own layer takes links. */
  enabled: boolean
}

interface Session {
  pane: Element
  from: number
  fromLabel: string
  x0: number
  y0: number
  active: boolean
  target: number | null
}

interface Arrow {
  x0: number
  y0: number
  x: number
  y: number
  valid: boolean
}

interface Chooser {
  from: number
  to: number
  roles: RelationRole[]
  x: number
  y: number
}

/**
 * Drag from span to span makes a link (src/renderer/state/link-drag.ts has the rule). A press on
 * a mark that can start a link and a release on a mark of the same pane that fits a role create
 * the link (one undo step) and select the source, so the links strip shows it; while dragging, an
 * arrow follows the pointer and the source and a fitting target are ringed. Escape cancels. A
 * drag that starts elsewhere or ends on plain text (or a mark no role fits) is left to the
 * browser: an ordinary text selection. Returns the capture handler for the pane and what to draw.
 */
export function useLinkDrag({ app, api, relations, docId, loaded, enabled }: LinkDragOptions): {
  onMouseDownCapture: (e: ReactMouseEvent<HTMLElement>) => void
  overlay: ReactNode
} {
  const session = useRef<Session | null>(null)
  const detach = useRef<(() => void) | null>(null)
  const [arrow, setArrow] = useState<Arrow | null>(null)
  const [chooser, setChooser] = useState<Chooser | null>(null)

  useEffect(() => () => detach.current?.(), [])

  const create = useCallback(
    (from: number, to: number, role: RelationRole) => {
      void app
        .getState()
        .mutate(
          (annotator) => api.createRelation({ annotator, docId, from, to, type: role.type }),
          () => ({ docId, spanId: from })
        )
        .then((r) => (r ? relations.getState().refresh() : undefined))
    },
    [app, api, relations, docId]
  )

  const onMouseDownCapture = (e: ReactMouseEvent<HTMLElement>): void => {
    if (!enabled || !loaded || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return
    if (relations.getState().linking) return // link mode (p, d, l) takes clicks, not drags
    const roles = relations.getState().roles
    const source = markAt(e.target, (id) => {
      const span = loaded.spans.get(id)
      return span !== undefined && canStartLink(roles, span.label)
    })
    const fromLabel = source ? loaded.spans.get(source.spanId)?.label : undefined
    if (!source || fromLabel === undefined) return
    setChooser(null)
    detach.current?.()
    const pane = e.currentTarget
    const rect = source.el.getBoundingClientRect()
    session.current = { pane, from: source.spanId, fromLabel, x0: e.clientX, y0: e.clientY, active: false, target: null }
    const origin = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }

    const ring = (id: number | null, end: 'from' | 'to', on: boolean): void => {
      if (id === null) return
      for (const mark of pane.querySelectorAll(`mark[data-span-id="${id}"]`)) {
        if (on) mark.setAttribute('data-linked', end)
        else mark.removeAttribute('data-linked')
      }
    }
    const stop = (): void => {
      const s = session.current
      if (s) {
        ring(s.target, 'to', false)
        if (s.active) ring(s.from, 'from', false)
      }
      session.current = null
      pane.removeAttribute('data-link-drag')
      setArrow(null)
      window.removeEventListener('mousemove', onMove, true)
      window.removeEventListener('mouseup', onUp, true)
      window.removeEventListener('keydown', onKey, true)
      detach.current = null
    }
    const onMove = (ev: MouseEvent): void => {
      const s = session.current
      if (!s) return
      if (!s.active) {
        if (Math.hypot(ev.clientX - s.x0, ev.clientY - s.y0) < DRAG_THRESHOLD_PX) return
        s.active = true
        ring(s.from, 'from', true)
        installSelectionSheet()
      }
      const target = markAt(ev.target, (id) => {
        const span = id === s.from ? undefined : loaded.spans.get(id)
        return span !== undefined && fittingRoles(relations.getState().roles, s.fromLabel, span.label).length > 0
      })
      const to = target && pane.contains(target.el) ? target.spanId : null
      if (to !== s.target) {
        ring(s.target, 'to', false)
        ring(to, 'to', true)
        s.target = to
      }
      // Over a fitting target the text selection the drag also makes is hidden: the release links, it does not select.
      pane.setAttribute('data-link-drag', to !== null ? 'valid' : 'active')
      setArrow({ x0: origin.x, y0: origin.y, x: ev.clientX, y: ev.clientY, valid: to !== null })
    }
    const onUp = (ev: MouseEvent): void => {
      const s = session.current
      stop()
      if (!s?.active || s.target === null) return // an ordinary selection (or click): the text view handles it
      const toLabel = loaded.spans.get(s.target)?.label
      const choice = toLabel === undefined ? { kind: 'none' as const } : chooseRole(relations.getState().roles, s.fromLabel, toLabel)
      if (choice.kind === 'none') return
      // The drop made a link (or asks which): not a text selection, not a click on the target.
      ev.stopPropagation()
      window.getSelection()?.removeAllRanges()
      if (choice.kind === 'one') create(s.from, s.target, choice.role)
      else setChooser({ from: s.from, to: s.target, roles: choice.roles, x: ev.clientX, y: ev.clientY })
    }
    const onKey = (ev: KeyboardEvent): void => {
      if (ev.key !== 'Escape') return
      const active = session.current?.active === true
      stop()
      if (!active) return
      ev.stopPropagation()
      ev.preventDefault()
      window.getSelection()?.removeAllRanges()
      app.getState().setStatus({ kind: 'info', message: say('links:dragCancelled') })
    }
    window.addEventListener('mousemove', onMove, true)
    window.addEventListener('mouseup', onUp, true)
    window.addEventListener('keydown', onKey, true)
    detach.current = stop
  }

  const overlay = (
    <>
      {arrow && <DragArrow arrow={arrow} />}
      {chooser && loaded && (
        <RoleChooser
          chooser={chooser}
          text={(id) => spanText(loaded, id)}
          onPick={(role) => {
            setChooser(null)
            create(chooser.from, chooser.to, role)
          }}
          onCancel={() => {
            setChooser(null)
            app.getState().setStatus({ kind: 'info', message: say('links:dragCancelled') })
          }}
        />
      )}
    </>
  )
  return { onMouseDownCapture, overlay }
}

let selectionSheet: CSSStyleSheet | null = null

/**
 * While a link drag is over a fitting target, the pane's text selection is not painted (a
 * constructed sheet: the Content Security Policy refuses inline <style>). Installed once, on the
 * first drag; nothing happens where constructed sheets are missing (the component tests' DOM).
 */
function installSelectionSheet(): void {
  if (selectionSheet || typeof CSSStyleSheet !== 'function' || !('replaceSync' in CSSStyleSheet.prototype) || !('adoptedStyleSheets' in document)) return
  selectionSheet = new CSSStyleSheet()
  selectionSheet.replaceSync(".pane[data-link-drag='valid'] .doc-text ::selection { background: transparent; color: inherit; }")
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, selectionSheet]
}

function spanText(loaded: LoadedDoc, id: number): string {
  const span = loaded.spans.get(id)
  return span ? loaded.doc.text.slice(loaded.map.toUtf16(span.start), loaded.map.toUtf16(span.end)).replace(/\s+/g, ' ') : String(id)
}

/** An arc from the source to the pointer that bows upwards, clear of the line of text between them. */
function arcPath({ x0, y0, x, y }: Arrow): string {
  const lift = Math.min(80, 20 + Math.hypot(x - x0, y - y0) / 4)
  return `M ${x0} ${y0} Q ${(x0 + x) / 2} ${Math.min(y0, y) - lift} ${x} ${y}`
}

/** The arrow from the source mark to the pointer, above everything, never in the pointer's way. */
function DragArrow({ arrow }: { arrow: Arrow }) {
  const colour = arrow.valid ? 'var(--linked)' : 'var(--muted, #888)'
  return (
    <svg data-testid="link-drag-arrow" data-valid={arrow.valid ? 'true' : 'false'} aria-hidden="true" style={{ position: 'fixed', inset: 0, width: '100vw', height: '100vh', pointerEvents: 'none', zIndex: 50 }}>
      <defs>
        <marker id="link-drag-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill={colour} />
        </marker>
      </defs>
      <circle cx={arrow.x0} cy={arrow.y0} r={3} fill={colour} />
      <path d={arcPath(arrow)} fill="none" stroke={colour} strokeWidth={2.5} strokeDasharray={arrow.valid ? undefined : '5 4'} markerEnd="url(#link-drag-head)" />
    </svg>
  )
}

/** Which role, when several fit the dropped pair: a small menu at the drop point. */
function RoleChooser({ chooser, text, onPick, onCancel }: { chooser: Chooser; text: (id: number) => string; onPick(role: RelationRole): void; onCancel(): void }) {
  const t = useT()
  const first = useRef<HTMLButtonElement>(null)
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => first.current?.focus(), [])
  // A press anywhere else closes it, as a menu does.
  useEffect(() => {
    const outside = (e: MouseEvent): void => {
      if (!(e.target instanceof Node && box.current?.contains(e.target))) onCancel()
    }
    window.addEventListener('mousedown', outside, true)
    return () => window.removeEventListener('mousedown', outside, true)
  }, [onCancel])
  return (
    <div
      ref={box}
      className="link-role-chooser"
      role="dialog"
      aria-label={t('links:chooserLabel')}
      data-testid="link-role-chooser"
      style={{ position: 'fixed', left: chooser.x, top: chooser.y, zIndex: 60, display: 'flex', flexDirection: 'column', gap: 4, padding: 8, background: 'var(--panel)', border: '1px solid var(--border)', borderRadius: 6, boxShadow: '0 4px 16px rgba(0,0,0,.2)', fontSize: 12 }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.stopPropagation()
        onCancel()
      }}
    >
      <span>{t('links:chooserPrompt', { from: text(chooser.from), to: text(chooser.to) })}</span>
      {chooser.roles.map((role, i) => (
        <button key={role.type} type="button" ref={i === 0 ? first : undefined} data-role={role.type} onClick={() => onPick(role)}>
          {role.name}
        </button>
      ))}
      <button type="button" onClick={onCancel}>
        {t('links:cancel')}
      </button>
    </div>
  )
}
