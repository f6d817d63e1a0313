import { z } from 'zod'

/** Open / New / Recent projects (issue 10): src/main/services/project-session.ts, src/main/electron/projects.ts. */

export const projectInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  /** Recently opened project files, newest first, at most 10, only files that still exist. */
  recent: z.array(z.string()),
  /**
   * Whether this front door can switch projects at all: the desktop app can; web mode refuses,
   * because a web page would otherwise open or create any file the server can reach.
   */
  canSwitch: z.boolean()
})

export const switchProjectArgsSchema = z
  .object({
    /** open/new without a path: the desktop app asks with its file dialog. recent: path must be in the recent list. */
    how: z.enum(['open', 'new', 'recent']),
    path: z.string().min(1).max(4096).optional()
  })
  .strict()

export const switchProjectResultSchema = z.object({
  /** False when the person cancelled the file dialog; nothing changed. */
  switched: z.boolean(),
  path: z.string()
})

export const projectMethods = {
  getProjectInfo: { args: z.object({}).strict(), result: projectInfoSchema },
  /** Closes the open project and opens (or creates) another; the renderer then starts over. */
  switchProject: { args: switchProjectArgsSchema, result: switchProjectResultSchema }
} as const

export type ProjectInfo = z.output<typeof projectInfoSchema>
export type SwitchProjectArgs = z.output<typeof switchProjectArgsSchema>
export type SwitchProjectResult = z.output<typeof switchProjectResultSchema>

/** What the API handlers need to offer Open / New / Recent projects (the desktop session; web mode has none). */
export interface ProjectSwitcher {
  info(): ProjectInfo
  switchProject(args: SwitchProjectArgs): Promise<SwitchProjectResult>
}
