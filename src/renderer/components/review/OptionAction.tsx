import type { ReactNode } from 'react'

/**
 * A mouse shortcut inside a listbox option. An option may not hold focusable controls (the listbox
 * is one tab stop; screen readers read an option as one item), so this is a role=button that takes
 * no focus; from the keyboard the same action is the review key (a accepts, r rejects, e edits) on
 * the current candidate, listed in aria-keyshortcuts.
 */
export function OptionAction({ keys, disabled = false, onAct, children }: { keys: string; disabled?: boolean; onAct(): void; children: ReactNode }) {
  return (
    <span
      role="button"
      className="small-button option-action"
      aria-disabled={disabled ? 'true' : undefined}
      aria-keyshortcuts={keys}
      onClick={(e) => {
        e.stopPropagation()
        if (!disabled) onAct()
      }}
    >
      {children}
    </span>
  )
}
