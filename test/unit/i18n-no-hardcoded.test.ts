import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import * as ts from 'typescript/unstable/ast'
import { API } from 'typescript/unstable/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCALES, resources } from '../../src/shared/i18n'

/**
 * Every string a person reads in the renderer comes from the catalogues. The renderer's .tsx files are
 * parsed with the TypeScript compiler (TypeScript 7's API: its compiler process parses the renderer's
 * project, tsconfig.web.json; not regexes), and this fails on
 *  - JSX text with a letter (Latin or Hangul) in it,
 *  - a string written into a person-facing attribute (aria-label, title, placeholder, alt, label …),
 *  - a string written as a JSX child expression ({cond ? 'Yes' : 'No'}, {x || 'none'}).
 * And every literal key in t('ns:key'), say('ns:key') and <Trans i18nKey="ns:key"> resolves in both catalogues.
 */

const ROOT = resolve(__dirname, '..', '..')
const RENDERER = join(ROOT, 'src', 'renderer')
const MAIN = join(ROOT, 'src', 'main')

/**
 * Texts that are the same in every language, with why:
 *  - Spanmark: the product's name.
 *  - Aa: the match-case toggle's glyph (its title is translated).
 *  - αu: Krippendorff's unitised alpha, a metric symbol (as κ, which has no Latin letter).
 *  - (#rrggbb): the notation of a hex colour, after the translated name of the colour field.
 */
const ALLOWED = new Set(['Spanmark', 'Aa', 'αu', '(#rrggbb)'])

/** Attributes whose value is read (or heard) by people. */
const PERSON_FACING = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label'])

const LETTER = /[A-Za-z\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : []
  )
}

/** The compiler, with the renderer's project and a scratch project for the checks' own samples. */
let api: API | null = null
let scratch = ''
const projects = new Map<string, { program: { getSourceFile(file: string): ts.SourceFile | undefined } }>()

function parse(file: string): ts.SourceFile {
  const config = file.startsWith(scratch) ? join(scratch, 'tsconfig.json') : file.startsWith(MAIN) ? join(ROOT, 'tsconfig.node.json') : join(ROOT, 'tsconfig.web.json')
  const source = projects.get(config)?.program.getSourceFile(file)
  if (!source) throw new Error(`the compiler did not parse ${file}`)
  return source
}

const SAMPLES = {
  'hardcoded.tsx': `export const A = ({ n, t }) => (
    <div aria-label="Close" title={n ? 'One' : t('common:close')} data-x="free">
      Save <span className="x">{n}</span> {n || 'none'} {n === 'ok' ? t('common:ok') : null}
      <img alt="닫기" /> <input placeholder={\`Find \${n}\`} /> <b>Spanmark</b> {' · '} <kbd>{'⌘'}</kbd>
      <Trans components={{ code: <code /> }} /> <Modal title="Who is annotating?" />
    </div>
  )`,
  'core.ts': `throw new ApiError('not_found', \`There is no document \${id}.\`)
    throw new ApiError('rejected', 'Nothing was imported.', details)
    throw new ApiError('not_found', msg('errors:noDocument', { docId: id }))
    problems.push(\`\${where}: not valid JSON.\`)
    out.notes.push(msg('errors:import.bomDropped', { where }))
    setStatus({ kind: 'error', message: 'Could not save' })
    setStatus({ kind: 'error', message: say('status:saving') })
    log(\`[spanmark] \${err}\`)
    db.prepare('SELECT id FROM spans WHERE doc_id = ?')`,
  'keys.tsx': "t('common:close'); t('common:noSuchKey'); say(`app:reviewStatus.${s}`); const x = <Trans i18nKey=\"dialogs:nope\" />"
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'spanmark-i18n-'))
  for (const [name, text] of Object.entries(SAMPLES)) writeFileSync(join(scratch, name), text)
  writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({ compilerOptions: { jsx: 'preserve', noLib: true, types: [] }, files: Object.keys(SAMPLES) }))
  api = new API({ cwd: ROOT })
  const configs = [join(ROOT, 'tsconfig.web.json'), join(ROOT, 'tsconfig.node.json'), join(scratch, 'tsconfig.json')]
  const snapshot = api.updateSnapshot({ openProjects: configs })
  for (const config of configs) {
    const project = snapshot.getProject(config)
    if (!project) throw new Error(`the compiler did not open ${config}`)
    projects.set(config, project)
  }
}, 60_000)

afterAll(() => {
  api?.close()
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

interface Finding {
  where: string
  text: string
}

const readable = (text: string): boolean => LETTER.test(text) && !ALLOWED.has(text.trim())

/** String literals in an expression that end up shown: branches of ?: and the fallbacks of && || ??, not comparisons or call arguments. */
function shownStrings(node: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node]
  if (ts.isTemplateExpression(node)) return [node.head, ...node.templateSpans.map((s) => s.literal)]
  if (ts.isParenthesizedExpression(node)) return shownStrings(node.expression)
  if (ts.isConditionalExpression(node)) return [...shownStrings(node.whenTrue), ...shownStrings(node.whenFalse)]
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.PlusToken].includes(node.operatorToken.kind)) {
    return [...shownStrings(node.left), ...shownStrings(node.right)]
  }
  return []
}

const literalText = (node: ts.Node): string =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node) ? node.text : node.getText()

/** Hard-coded person-facing strings in one source file. */
function hardCoded(source: ts.SourceFile): Finding[] {
  const found: Finding[] = []
  const at = (node: ts.Node): string => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart())
    return `${relative(ROOT, source.fileName)}:${line + 1}:${character + 1}`
  }
  const check = (nodes: ts.Node[]): void => {
    for (const n of nodes) {
      const text = literalText(n)
      if (readable(text)) found.push({ where: at(n), text: text.trim() })
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (readable(node.text)) found.push({ where: at(node), text: node.text.trim() })
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText()
      const value = node.initializer
      if (PERSON_FACING.has(name) && value) {
        if (ts.isStringLiteral(value)) check([value])
        else if (ts.isJsxExpression(value) && value.expression) check(shownStrings(value.expression))
      }
      if (value && ts.isJsxExpression(value)) value.forEachChild(visit) // JSX inside an attribute (components={{ … }})
      return
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      check(shownStrings(node.expression))
    }
    node.forEachChild(visit)
  }
  visit(source)
  return found
}

/**
 * Person-facing text in .ts files (the renderer's stores and the core's services), where it is not JSX:
 *  - the message of an ApiError (`new ApiError(code, <message>)`) written as a string, not a Message;
 *  - a problem or note pushed as a string (`problems.push(\`…\`)`, `notes.push('…')`): import and schema
 *    problems reach the person through the error's details;
 *  - a status line message written as a string (`{ message: '…' }` in the renderer's .ts).
 * Not checked (and needing no allow-list): log lines for developers, SQL, keys, change descriptions (the
 * undo engineer's `changes` namespace), which are none of these shapes.
 */
function hardCodedTs(source: ts.SourceFile): Finding[] {
  const found: Finding[] = []
  const at = (node: ts.Node): string => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart())
    return `${relative(ROOT, source.fileName)}:${line + 1}:${character + 1}`
  }
  const written = (node: ts.Node | undefined): boolean =>
    node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) && LETTER.test(node.getText())
  const flag = (node: ts.Node): void => {
    found.push({ where: at(node), text: node.getText().slice(0, 80) })
  }
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'ApiError') {
      const message = node.arguments?.[1]
      if (message && written(message)) flag(message)
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'push') {
      const target = node.expression.expression
      const name = ts.isIdentifier(target) ? target.text : ts.isPropertyAccessExpression(target) ? target.name.text : ''
      if (/^(problems|notes)$/.test(name)) for (const arg of node.arguments) if (written(arg)) flag(arg)
    } else if (ts.isPropertyAssignment(node) && node.name.getText() === 'message' && written(node.initializer) && !source.fileName.startsWith(MAIN)) {
      flag(node.initializer)
    }
    node.forEachChild(visit)
  }
  visit(source)
  return found
}

type Tree = { readonly [key: string]: string | Tree }

/** The catalogue node at ns:a.b.c in a locale (a string, an object, or undefined); a plural key resolves through key_other. */
function lookup(locale: (typeof LOCALES)[number], key: string): string | Tree | undefined {
  const [ns, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['common', key]
  let node: string | Tree | undefined = (resources[locale] as unknown as Tree)[ns]
  const parts = path.split('.').filter((p) => p !== '')
  for (const [i, part] of parts.entries()) {
    if (node === undefined || typeof node === 'string') return undefined
    const last = i === parts.length - 1
    node = node[part] ?? (last ? node[`${part}_other`] : undefined)
  }
  return node
}

interface KeyUse {
  where: string
  key: string
  /** A template key (`app:reviewStatus.${s}`): only its fixed prefix can be checked, and must be an object. */
  prefix: boolean
}

/** Literal keys passed to t(), say(), msg() and <Trans i18nKey>. */
function keyUses(source: ts.SourceFile): KeyUse[] {
  const uses: KeyUse[] = []
  const at = (node: ts.Node): string => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart())
    return `${relative(ROOT, source.fileName)}:${line + 1}`
  }
  const add = (arg: ts.Node | undefined): void => {
    if (!arg) return
    if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) uses.push({ where: at(arg), key: arg.text, prefix: false })
    else if (ts.isTemplateExpression(arg)) uses.push({ where: at(arg), key: arg.head.text, prefix: true })
    else if (ts.isConditionalExpression(arg)) {
      add(arg.whenTrue)
      add(arg.whenFalse)
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : ''
      if (name === 't' || name === 'say' || name === 'msg') add(node.arguments[0])
    } else if (ts.isJsxAttribute(node) && node.name.getText() === 'i18nKey' && node.initializer) {
      const value = node.initializer
      add(ts.isJsxExpression(value) ? value.expression : value)
    }
    node.forEachChild(visit)
  }
  visit(source)
  return uses
}

const tsxFiles = filesUnder(RENDERER, /\.tsx$/)
/** The .ts files a person's text could be written in: the renderer's stores and helpers, the core's services and front doors. */
const tsFiles = [...filesUnder(RENDERER, /\.ts$/), ...filesUnder(join(MAIN, 'services'), /\.ts$/), ...filesUnder(join(MAIN, 'web'), /\.ts$/), ...filesUnder(join(MAIN, 'electron'), /\.ts$/), join(MAIN, 'dispatch.ts'), join(MAIN, 'storage-errors.ts')].filter((f) => !f.endsWith('.d.ts'))
const rendererFiles = filesUnder(RENDERER, /\.tsx?$/).filter((f) => !f.endsWith('.d.ts'))

describe('no hard-coded UI strings', () => {
  it('finds the renderer components to check', () => {
    expect(tsxFiles.length).toBeGreaterThan(20)
  })

  it('every .tsx under src/renderer takes its text, aria-labels, titles and placeholders from the catalogues', () => {
    const findings = tsxFiles.flatMap((f) => hardCoded(parse(f)))
    expect(findings.map((f) => `${f.where} “${f.text}”`)).toEqual([])
  })

  it('every .ts of the renderer and the core writes its errors, problems and status messages as message data', () => {
    expect(tsFiles.length).toBeGreaterThan(60)
    const findings = tsFiles.flatMap((f) => hardCodedTs(parse(f)))
    expect(findings.map((f) => `${f.where} “${f.text}”`)).toEqual([])
  })

  it('the .ts check catches a sentence in an ApiError, a problem list or a status message, and lets messages, logs and SQL through', () => {
    const sample = parse(join(scratch, 'core.ts'))
    expect(hardCodedTs(sample).map((f) => f.text)).toEqual(['`There is no document ${id}.`', "'Nothing was imported.'", '`${where}: not valid JSON.`', "'Could not save'"])
  })

  it('the check catches what it is meant to catch (and lets the allowed and translated through)', () => {
    const sample = parse(join(scratch, 'hardcoded.tsx'))
    expect(hardCoded(sample).map((f) => f.text)).toEqual(['Close', 'One', 'Save', 'none', '닫기', 'Find', 'Who is annotating?'])
  })
})

describe('translation keys used in the renderer', () => {
  let uses: KeyUse[] = []
  beforeAll(() => {
    // The renderer's t() and say(), and every msg() of the core: a key the catalogues lack would show as the key.
    uses = [...new Set([...rendererFiles, ...tsFiles])].flatMap((f) => keyUses(parse(f)))
  })

  it('finds the keys to check', () => {
    expect(uses.length).toBeGreaterThan(100)
  })

  for (const locale of LOCALES) {
    it(`every literal key resolves in the ${locale} catalogue (a template key's fixed part to a group of keys)`, () => {
      const broken = uses.filter((u) => {
        const node = lookup(locale, u.key.replace(/\.$/, ''))
        return u.prefix ? typeof node !== 'object' : typeof node !== 'string'
      })
      expect(broken.map((u) => `${u.where} ${u.key}`)).toEqual([])
    })
  }

  it('the key check catches a missing key', () => {
    const sample = keyUses(parse(join(scratch, 'keys.tsx')))
    expect(sample.map((u) => [u.key, u.prefix, typeof lookup('en', u.key.replace(/\.$/, ''))])).toEqual([
      ['common:close', false, 'string'],
      ['common:noSuchKey', false, 'undefined'],
      ['app:reviewStatus.', true, 'object'],
      ['dialogs:nope', false, 'undefined']
    ])
  })
})
