import { z } from 'zod'
import { messageSchema } from './message'
import { spanChangeSchema } from './schemas'

/**
 * What the core announces after each committed change, so other windows and
 * tabs on the same project update without reloading. `seq` grows by one per
 * event of one running core; `origin` is the client id of the call that caused
 * it (null: a call that sent none, or another program), so a client can skip
 * the echoes of its own calls.
 */
const base = { seq: z.int().min(1), origin: z.string().max(200).nullable(), at: z.string() }

export const liveEventSchema = z.discriminatedUnion('kind', [
  /** Spans created, relabelled or deleted (edits, undo/redo, review decisions). */
  z.object({ ...base, kind: z.literal('spans'), description: messageSchema, changes: z.array(spanChangeSchema) }),
  /** Documents or their flags changed (import, merge, review status, restricted): refetch the list. */
  z.object({ ...base, kind: z.literal('documents'), description: messageSchema }),
  /** The label schema changed (issue 10): refetch the labels, then what is shown (a key rename moves spans). */
  z.object({ ...base, kind: z.literal('labels'), description: messageSchema }),
  /** Something outside this core wrote to the project file: refetch everything shown. */
  z.object({ ...base, kind: z.literal('reload'), description: messageSchema })
])

export type LiveEvent = z.output<typeof liveEventSchema>

/** HTTP header carrying a tab's client id with each API call. */
export const CLIENT_HEADER = 'X-Spanmark-Client'
/** A client id: letters, digits and dashes (a random UUID in practice). */
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,100}$/)
