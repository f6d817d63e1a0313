import type { RelationRole } from '../../shared/relations-schema'

/**
 * The rule for making a link by dragging from one span to another (pure: no DOM, no store).
 * A role fits a pair when the source's label is among its from_labels and the target's among its
 * to_labels (an empty list allows any label). When several roles fit, the one that names the
 * target's label explicitly wins if it is the only such role (Meeting → Date is "date", not the
 * catch-all "place"); otherwise the user chooses.
 */

const allows = (labels: readonly string[], label: string): boolean => labels.length === 0 || labels.includes(label)

/** True when a span of this label can start a link in some role. */
export function canStartLink(roles: readonly RelationRole[], label: string): boolean {
  return roles.some((r) => allows(r.fromLabels, label))
}

/** Every role that can link a span of `fromLabel` to one of `toLabel`, in the project's order. */
export function fittingRoles(roles: readonly RelationRole[], fromLabel: string, toLabel: string): RelationRole[] {
  return roles.filter((r) => allows(r.fromLabels, fromLabel) && allows(r.toLabels, toLabel))
}

export type RoleChoice = { kind: 'none' } | { kind: 'one'; role: RelationRole } | { kind: 'choose'; roles: RelationRole[] }

/** The role a drag from `fromLabel` to `toLabel` makes: none, exactly one, or a choice to offer. */
export function chooseRole(roles: readonly RelationRole[], fromLabel: string, toLabel: string): RoleChoice {
  const fit = fittingRoles(roles, fromLabel, toLabel)
  if (fit.length === 0) return { kind: 'none' }
  if (fit.length === 1 && fit[0]) return { kind: 'one', role: fit[0] }
  const named = fit.filter((r) => r.toLabels.includes(toLabel))
  if (named.length === 1 && named[0]) return { kind: 'one', role: named[0] }
  return { kind: 'choose', roles: fit }
}

/** How far (CSS pixels) the pointer must travel from a mark before a press counts as a link drag. */
export const DRAG_THRESHOLD_PX = 5

/** The mark element of a span (innermost first, then its enclosing marks) that passes `accept`. */
export function markAt(target: EventTarget | null, accept: (spanId: number) => boolean): { el: Element; spanId: number } | null {
  let el = target instanceof Element ? target.closest('mark[data-span-id]:not([data-pending])') : null
  while (el) {
    const spanId = Number(el.getAttribute('data-span-id'))
    if (Number.isInteger(spanId) && accept(spanId)) return { el, spanId }
    el = el.parentElement?.closest('mark[data-span-id]:not([data-pending])') ?? null
  }
  return null
}
