import { msg, type Message } from './message'

/** The messages that wrap a change's own description (namespace changes). */
export type WrappingKey = 'changes:undo' | 'changes:redo' | 'changes:cannotUndo' | 'changes:selectedDeleted' | 'changes:undoConflict' | 'changes:redoConflict'

/**
 * A change description inside another message (Undo: …): the inner message's key (in the changes
 * namespace) goes in `what`, its values alongside, and the catalogue nests it with
 * $t(changes:{{what}}). A message of another namespace is shown as its key (changes:legacy).
 */
export function nestChange(key: WrappingKey, inner: Message): Message {
  const own = inner.key.startsWith('changes:') ? inner : msg('changes:legacy', { text: inner.key })
  return msg(key, { ...(own.params ?? {}), what: own.key.slice('changes:'.length) })
}
