import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/**
 * The repository's root as git knows it: the folder of the main checkout, also when
 * these tests run in a linked worktree (whose .git is a file pointing into the main
 * repository's .git). Shared data sits beside that folder, in ../shared.
 */
export function repositoryRoot(checkout = join(__dirname, '..', '..', '..')): string {
  const dotGit = join(checkout, '.git')
  if (!existsSync(dotGit) || statSync(dotGit).isDirectory()) return checkout
  const gitdir = resolve(checkout, readFileSync(dotGit, 'utf8').replace(/^gitdir:\s*/, '').trim())
  const common = existsSync(join(gitdir, 'commondir')) ? resolve(gitdir, readFileSync(join(gitdir, 'commondir'), 'utf8').trim()) : gitdir
  return dirname(common)
}

/** A file of ../shared/data beside the repository root (never copied into the repository). */
export function sharedDataFile(name: string): string {
  return resolve(repositoryRoot(), '..', 'shared', 'data', name)
}
