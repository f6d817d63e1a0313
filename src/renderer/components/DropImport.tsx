import { useEffect, useRef, useState } from 'react'
import { useStore } from 'zustand'
import { useApi, useApp } from '../state/context'
import { formatBytes, importActivity, isImportable, readImportFiles, whileImporting, type ReadProgress } from '../state/import-activity'
import { say } from '../state/status'
import { useT } from '../use-t'
import { errorText } from '../error-text'

type Phase = { kind: 'idle' } | { kind: 'reading'; progress: ReadProgress } | { kind: 'saving'; total: number }

/**
 * Dropping .txt or .jsonl files anywhere on the window imports them, through the same API call as
 * File → Import…, with progress (file i of n, lines and bytes read). Other files are refused with a
 * message; nothing is imported from a drop that has any. Works in Electron and in web mode.
 */
export function DropImport() {
  const t = useT()
  const api = useApi()
  const annotator = useApp((s) => s.annotator)
  const setStatus = useApp((s) => s.setStatus)
  const refreshDocuments = useApp((s) => s.refreshDocuments)
  const running = useStore(importActivity, (s) => s.running)
  const [dragging, setDragging] = useState(false)
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' })
  const depth = useRef(0)
  const latest = useRef({ annotator, running })
  latest.current = { annotator, running }

  useEffect(() => {
    const hasFiles = (e: DragEvent): boolean => [...(e.dataTransfer?.types ?? [])].includes('Files')
    const onEnter = (e: DragEvent): void => {
      if (!hasFiles(e)) return
      depth.current++
      setDragging(true)
    }
    const onLeave = (e: DragEvent): void => {
      if (!hasFiles(e)) return
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setDragging(false)
    }
    const onOver = (e: DragEvent): void => {
      if (!hasFiles(e)) return
      // Without this the browser (or Electron) would open the file in place of the app.
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (e: DragEvent): void => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth.current = 0
      setDragging(false)
      void importDropped([...(e.dataTransfer?.files ?? [])])
    }
    const importDropped = async (files: File[]): Promise<void> => {
      if (files.length === 0) return
      if (latest.current.running > 0) {
        setStatus({ kind: 'error', message: say('desktop:drop.busy') })
        return
      }
      const refused = files.filter((f) => !isImportable(f.name))
      if (refused.length > 0) {
        setStatus({ kind: 'error', message: say('desktop:drop.refused', { count: refused.length, names: refused.map((f) => f.name).join(', ') }) })
        return
      }
      const who = latest.current.annotator
      try {
        const result = await whileImporting(async () => {
          const payload = await readImportFiles(files, (progress) => setPhase({ kind: 'reading', progress }))
          setPhase({ kind: 'saving', total: files.length })
          return api.importFiles({ files: payload, ...(who ? { annotator: who } : {}) })
        })
        setStatus({ kind: 'info', message: say('desktop:drop.done', { count: result.newDocuments }) })
        await refreshDocuments()
      } catch (err) {
        setStatus({ kind: 'error', message: errorText(err) })
      } finally {
        setPhase({ kind: 'idle' })
      }
    }
    window.addEventListener('dragenter', onEnter)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('dragover', onOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragenter', onEnter)
      window.removeEventListener('dragleave', onLeave)
      window.removeEventListener('dragover', onOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [api, setStatus, refreshDocuments])

  return (
    <>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <span>{t('desktop:drop.hint')}</span>
        </div>
      )}
      {phase.kind !== 'idle' && (
        <div className="drop-progress" role="status" data-testid="drop-progress">
          <progress
            aria-label={t('desktop:drop.progressLabel')}
            max={phase.kind === 'reading' ? phase.progress.total + 1 : undefined}
            value={phase.kind === 'reading' ? phase.progress.current : undefined}
          />
          <span>
            {phase.kind === 'reading'
              ? t('desktop:drop.reading', {
                  current: phase.progress.current,
                  total: phase.progress.total,
                  name: phase.progress.name,
                  lines: phase.progress.lines,
                  size: formatBytes(phase.progress.bytes)
                })
              : t('desktop:drop.saving', { total: phase.total })}
          </span>
        </div>
      )}
    </>
  )
}
