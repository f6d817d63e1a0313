import { useId, useState } from 'react'
import { nextLabelColour } from './next-colour'
import { checkColor, checkGuideline, checkHotkey, checkKey, checkName, contrast, LABEL_COLOR, THEME_BACKGROUNDS, type LabelProblem } from '../../../shared/labels/rules'
import type { LabelInfo } from '../../../shared/labels-schema'
import { useT } from '../../use-t'

export interface LabelFields {
  key: string
  name: string
  color: string
  hotkey: string
  guideline: string
  /** Its spans may cross paragraph breaks (issue 15). */
  crossParagraphs?: boolean | undefined
}

type Field = Exclude<keyof LabelFields, 'crossParagraphs'>
type Problems = Partial<Record<Field, LabelProblem | string>>

interface LabelFormProps {
  /** The label being edited; null: a new one. */
  label: LabelInfo | null
  labels: readonly LabelInfo[]
  roleHotkeys: readonly string[]
  /** Saves; resolves with the server's refusal message, or null when saved. */
  onSave(fields: LabelFields): Promise<string | null>
  onCancel(): void
}

/** Adds or edits one label: every rule is checked as the user types, each problem shown under its field. */
export function LabelForm({ label, labels, roleHotkeys, onSave, onCancel }: LabelFormProps) {
  const t = useT()
  const id = useId()
  // A new label starts in a colour unlike every existing label's (it used to start as Organisation's blue).
  const [fields, setFields] = useState<LabelFields>(() => label ?? { key: '', name: '', color: nextLabelColour(labels.map((l) => l.color)), hotkey: '', guideline: '' })
  const [touched, setTouched] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const set = (f: Partial<LabelFields>): void => {
    setFields({ ...fields, ...f })
    setRefusal(null)
  }

  const problems: Problems = {}
  if (!label) {
    problems.key = checkKey(fields.key) ?? (labels.some((l) => l.key === fields.key) ? t('labels:problem.keyTaken', { key: fields.key }) : undefined)
  }
  problems.name = checkName(fields.name) ?? undefined
  if (!label || label.color !== fields.color.toLowerCase()) problems.color = checkColor(fields.color) ?? undefined
  // A retired label's hotkey is checked against the others when it comes back.
  if (!label || label.hotkey !== fields.hotkey) problems.hotkey = checkHotkey(fields.hotkey, label?.key ?? null, label?.retired ? [] : labels, roleHotkeys) ?? undefined
  problems.guideline = checkGuideline(fields.guideline) ?? undefined
  const blocking = Object.values(problems).some((p) => p !== undefined)

  const say = (p: LabelProblem | string | undefined): string | null => {
    if (p === undefined) return null
    if (typeof p === 'string') return p
    const { code, ...values } = p
    return t(`labels:problem.${code}`, values)
  }
  /** A field's problem is shown once it has a value, or after a first try to save. */
  const showing = (f: Field): boolean => problems[f] !== undefined && (touched || fields[f] !== '')
  const errorFor = (f: Field) =>
    showing(f) ? (
      <span className="field-error" id={`${id}-${f}-error`} role="alert">
        {say(problems[f])}
      </span>
    ) : null
  const described = (f: Field, help: boolean) => [showing(f) ? `${id}-${f}-error` : '', help ? `${id}-${f}-help` : ''].filter(Boolean).join(' ') || undefined

  const submit = async (): Promise<void> => {
    setTouched(true)
    if (blocking) return
    setSaving(true)
    const refused = await onSave({ ...fields, name: fields.name.trim(), guideline: fields.guideline.trim(), color: fields.color.toLowerCase() })
    setSaving(false)
    setRefusal(refused)
  }

  const validColor = LABEL_COLOR.test(fields.color)
  const title = label ? t('labels:form.editTitle', { name: label.name }) : t('labels:form.addTitle')
  return (
    <form
      className="label-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onCancel()
        }
      }}
    >
      <h3>{title}</h3>
      {!label && (
        <div className="field">
          <label htmlFor={`${id}-key`}>{t('labels:form.key')}</label>
          <input
            id={`${id}-key`}
            value={fields.key}
            autoFocus
            spellCheck={false}
            aria-invalid={showing('key')}
            aria-describedby={described('key', true)}
            onChange={(e) => set({ key: e.target.value.toUpperCase() })}
          />
          <span className="field-help" id={`${id}-key-help`}>
            {t('labels:form.keyHelp')}
          </span>
          {errorFor('key')}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('labels:form.name')}</label>
        <input
          id={`${id}-name`}
          value={fields.name}
          autoFocus={label !== null}
          aria-invalid={showing('name')}
          aria-describedby={described('name', false)}
          onChange={(e) => set({ name: e.target.value })}
        />
        {errorFor('name')}
      </div>
      <div className="field-row">
        <div className="field">
          <span id={`${id}-color-label`}>{t('labels:form.color')}</span>
          <span className="color-inputs">
            <input
              type="color"
              aria-labelledby={`${id}-color-label`}
              value={validColor ? fields.color.toLowerCase() : '#000000'}
              onChange={(e) => set({ color: e.target.value })}
            />
            <input
              className="color-text"
              value={fields.color}
              spellCheck={false}
              aria-label={`${t('labels:form.color')} (#rrggbb)`}
              aria-invalid={showing('color')}
              aria-describedby={described('color', validColor)}
              onChange={(e) => set({ color: e.target.value.trim() })}
            />
          </span>
          {validColor && (
            <span className="field-help" id={`${id}-color-help`}>
              {t('labels:form.contrast', {
                light: contrast(fields.color, THEME_BACKGROUNDS.light).toFixed(1),
                dark: contrast(fields.color, THEME_BACKGROUNDS.dark).toFixed(1)
              })}
            </span>
          )}
          {errorFor('color')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-hotkey`}>{t('labels:form.hotkey')}</label>
          <input
            id={`${id}-hotkey`}
            className="hotkey-input"
            value={fields.hotkey}
            aria-invalid={showing('hotkey')}
            aria-describedby={described('hotkey', true)}
            onKeyDown={(e) => {
              // Hotkey capture: the key pressed is the hotkey (Tab, Enter, Escape and Backspace keep their jobs).
              if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
                e.preventDefault()
                set({ hotkey: e.key })
              }
            }}
            onChange={(e) => set({ hotkey: [...e.target.value].slice(-1).join('') })}
          />
          <span className="field-help" id={`${id}-hotkey-help`}>
            {t('labels:form.hotkeyHelp')}
          </span>
          {errorFor('hotkey')}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-guideline`}>{t('labels:form.guideline')}</label>
        <textarea
          id={`${id}-guideline`} rows={3} value={fields.guideline} aria-describedby={described('guideline', true)} onChange={(e) => set({ guideline: e.target.value })} />
        <span className="field-help" id={`${id}-guideline-help`}>
          {t('labels:form.guidelineHelp')}
        </span>
        {errorFor('guideline')}
      </div>
      <label className="row" title={t('labelling:crossParagraphsTitle')}>
        <input type="checkbox" checked={fields.crossParagraphs === true} onChange={(e) => set({ crossParagraphs: e.target.checked })} />
        {t('labelling:crossParagraphs')}
      </label>
      {refusal && (
        <p className="error" role="alert">
          {refusal}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          {t('labels:form.cancel')}
        </button>
        <button type="submit" className="primary" disabled={saving || (touched && blocking)}>
          {label ? t('labels:form.save') : t('labels:form.create')}
        </button>
      </div>
    </form>
  )
}
