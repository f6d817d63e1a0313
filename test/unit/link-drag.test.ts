import { describe, expect, it } from 'vitest'
import type { RelationRole } from '../../src/shared/relations-schema'
import { canStartLink, chooseRole, fittingRoles } from '../../src/renderer/state/link-drag'

/** The drag-to-link rule on the project's default roles (participant p, date d, place l) and variants. */
const ROLES: RelationRole[] = [
  { type: 'participant', name: 'Participant', hotkey: 'p', fromLabels: ['MEETING'], toLabels: ['PERSON', 'ORGANISATION'] },
  { type: 'date', name: 'Date', hotkey: 'd', fromLabels: ['MEETING'], toLabels: ['DATE'] },
  { type: 'place', name: 'Place', hotkey: 'l', fromLabels: ['MEETING'], toLabels: [] }
]
const kind = (from: string, to: string, roles = ROLES): string => {
  const c = chooseRole(roles, from, to)
  return c.kind === 'one' ? c.role.type : c.kind === 'choose' ? `choose:${c.roles.map((r) => r.type).join(',')}` : 'none'
}

describe('drag from span to span', () => {
  it('starts only from a label some role starts from', () => {
    expect(canStartLink(ROLES, 'MEETING')).toBe(true)
    expect(canStartLink(ROLES, 'PERSON')).toBe(false)
    expect(canStartLink([...ROLES, { type: 'any', name: 'Any', hotkey: 'a', fromLabels: [], toLabels: ['DATE'] }], 'PERSON')).toBe(true)
  })

  it('picks the one role that names the target label over the catch-all place', () => {
    expect(fittingRoles(ROLES, 'MEETING', 'PERSON').map((r) => r.type)).toEqual(['participant', 'place'])
    expect(kind('MEETING', 'PERSON')).toBe('participant')
    expect(kind('MEETING', 'ORGANISATION')).toBe('participant')
    expect(kind('MEETING', 'DATE')).toBe('date')
    // Only the catch-all fits a meeting dropped on a meeting.
    expect(kind('MEETING', 'MEETING')).toBe('place')
  })

  it('makes nothing from a label no role starts from, or to one no role accepts', () => {
    expect(kind('PERSON', 'MEETING')).toBe('none')
    expect(kind('MEETING', 'DATE', ROLES.slice(0, 1))).toBe('none')
  })

  it('asks when two roles name the target label, or when only catch-alls fit', () => {
    const host: RelationRole = { type: 'host', name: 'Host', hotkey: 'h', fromLabels: ['MEETING'], toLabels: ['PERSON'] }
    expect(kind('MEETING', 'PERSON', [...ROLES, host])).toBe('choose:participant,place,host')
    const venue: RelationRole = { type: 'venue', name: 'Venue', hotkey: 'v', fromLabels: ['MEETING'], toLabels: [] }
    expect(kind('MEETING', 'MEETING', [...ROLES, venue])).toBe('choose:place,venue')
  })
})
