import { existsSync } from 'node:fs'
import { sayCli } from './render-message'
import { resolve } from 'node:path'
import { ApiError } from '../../shared/errors'
import { REVIEW_STATUS_NAMES, REVIEW_STATUSES, type ReviewStatus } from '../../shared/layers'
import { annotatorName, personName } from '../../shared/schemas'
import { formatAgreementTable } from '../../shared/agreement'
import { projectAgreement } from '../services/agreement-service'
import { mergeProject } from '../services/merge-service'
import { ReviewService } from '../services/review-service'
import { Project } from '../store/project'
import { CliError, type Output } from './commands'

/** Opens an existing project for a command, with a clear message when there is none. */
export function openExisting(file: string): Project {
  const path = resolve(file)
  if (!existsSync(path)) throw new CliError(`There is no project at ${path}.`)
  return Project.open(path)
}

/** "a,b,c" → validated, distinct annotator names (at least two). */
export function parseAnnotators(list: string | undefined): string[] {
  if (!list) throw new CliError('Missing --annotators a,b[,c].', 2)
  const names = [...new Set(list.split(',').map((n) => n.trim()).filter((n) => n !== ''))]
  if (names.length < 2) throw new CliError('--annotators needs at least two names, separated by commas.', 2)
  for (const n of names) {
    if (!annotatorName.safeParse(n).success) throw new CliError(`Invalid annotator name ${JSON.stringify(n)}.`, 2)
  }
  return names
}

export function mergeCommand(o: { project: string; from: string }, io: Output): void {
  const from = resolve(o.from)
  if (!existsSync(from)) throw new CliError(`There is no project at ${from}.`)
  const project = openExisting(o.project)
  try {
    const r = mergeProject(project, from)
    io.out(`Merged ${o.from} into ${o.project}:`)
    io.out(`  documents: ${r.documentsMatched} matched, ${r.documentsAdded} added, ${r.conflicts.length} with different text (not merged)`)
    const layers = Object.entries(r.spansByLayer).map(([a, n]) => `${a} ${n}`)
    io.out(`  spans: ${r.spansAdded} added${layers.length ? ` (${layers.join(', ')})` : ''}; history: ${r.historyGroupsAdded} change group(s) added`)
    if (r.regionsAdded) io.out(`  regions marked as not article text: ${r.regionsAdded} added`)
    if (r.relationsAdded) io.out(`  links between spans (meeting participants, dates, places): ${r.relationsAdded} added`)
    if (r.entitiesAdded + r.entityLinksAdded) io.out(`  entities: ${r.entitiesAdded} added, ${r.entityLinksAdded} mention link(s) added`)
    for (const c of r.entityConflicts) io.err(`  entity conflict: ${c}`)
    if (r.labelsAdded.length) io.out(`  labels added: ${r.labelsAdded.join(', ')}`)
    for (const c of r.conflicts) io.err(`  not merged: ${c}`)
  } catch (err) {
    if (err instanceof ApiError) throw CliError.from(err)
    throw err
  } finally {
    project.close()
  }
}

export function adjudicateCommand(o: { project: string; annotators: string[]; reviewer: string | undefined; minAgree: string | undefined }, io: Output): void {
  const reviewer = personName.safeParse(o.reviewer ?? '')
  if (!reviewer.success) throw new CliError('Missing or invalid --reviewer NAME (gold is reserved).', 2)
  const minAgree = o.minAgree === undefined ? o.annotators.length : Number(o.minAgree)
  if (!Number.isInteger(minAgree) || minAgree < 1 || minAgree > o.annotators.length) {
    throw new CliError(`--min-agree must be 1..${o.annotators.length}, not ${o.minAgree}.`, 2)
  }
  const project = openExisting(o.project)
  try {
    const r = new ReviewService(project).adjudicate({ reviewer: reviewer.data, annotators: o.annotators, minAgree })
    io.out(
      `Accepted ${r.accepted} span(s) into gold on which at least ${minAgree} of ${o.annotators.join(', ')} agree, in ${r.documents} document(s) not yet reviewed` +
        (r.skippedReviewed ? ` (${r.skippedReviewed} reviewed document(s) left alone)` : '') +
        `. ${r.remaining} difference(s) remain for review.`
    )
    if (r.linksAccepted + r.linksRemaining > 0) {
      io.out(
        `Accepted ${r.linksAccepted} link(s) (meeting participants, dates, places) that at least ${minAgree} agree on and whose ends are in gold. ` +
          `${r.linksRemaining} link(s) remain for review.`
      )
    }
  } finally {
    project.close()
  }
}

export function agreementCommand(o: { project: string; annotators: string[]; doc: string | undefined; json: boolean }, io: Output): void {
  const project = openExisting(o.project)
  try {
    const report = projectAgreement(project, o.annotators, o.doc)
    io.out(o.json ? JSON.stringify(report, null, 2) : formatAgreementTable(report))
  } catch (err) {
    if (err instanceof ApiError) throw CliError.from(err)
    throw err
  } finally {
    project.close()
  }
}

/**
 * spanmark review: a document's review status and how many of the annotators' differences are
 * undecided; with --status, sets it. Marking reviewed with undecided differences needs --force.
 */
export function reviewCommand(
  o: { project: string; doc: string | undefined; reviewer: string | undefined; annotators: string | undefined; status: string | undefined; force: boolean },
  io: Output
): void {
  if (!o.doc) throw new CliError('Missing --doc ID.', 2)
  const doc = o.doc
  if (o.status !== undefined && !(REVIEW_STATUSES as readonly string[]).includes(o.status)) {
    throw new CliError(`--status must be one of ${REVIEW_STATUSES.join(', ')}, not "${o.status}".`, 2)
  }
  const status = o.status as ReviewStatus | undefined
  const reviewer = personName.safeParse(o.reviewer ?? '')
  if (status && !reviewer.success) throw new CliError('Missing or invalid --reviewer NAME (gold is reserved).', 2)
  const named = o.annotators === undefined ? undefined : parseAnnotators(o.annotators)
  const project = openExisting(o.project)
  try {
    const review = new ReviewService(project)
    const who = named ?? review.annotatorsOf(doc)
    const p = review.progress(doc, who)
    if (!status || !reviewer.success) {
      io.out(`${doc}: ${REVIEW_STATUS_NAMES[project.review.status(doc)]}; ${p.undecided} of ${p.differences} differences between ${who.join(', ')} undecided.`)
      return
    }
    if (status === 'reviewed' && p.undecided > 0 && !o.force) {
      throw new CliError(
        `${p.undecided} of ${p.differences} differences between ${who.join(', ')} in ${doc} are undecided. Decide them in review, or add --force to mark the document reviewed anyway.`
      )
    }
    const r = review.setStatus({ reviewer: reviewer.data, docId: doc, status, annotators: who, force: o.force })
    io.out(`${sayCli(r.description)}.`)
  } catch (err) {
    if (err instanceof ApiError) throw new CliError(err.message)
    throw err
  } finally {
    project.close()
  }
}
