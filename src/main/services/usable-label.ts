import type { LabelDef } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import { msg } from '../../shared/message'
import type { Project } from '../store/project'

/** The label a new span may take: it must exist and not be retired (a retired label keeps its spans but takes no new ones). */
export function usableLabel(project: Project, key: string): LabelDef {
  const label = project.labels.list().find((l) => l.key === key)
  if (!label) throw new ApiError('invalid_args', msg('errors:noLabel', { label: key }))
  if (label.retired) {
    throw new ApiError('rejected', msg('errors:labelRetired', { name: label.name }))
  }
  return label
}
