// Every component test runs in English with a strict i18n: a key missing from the catalogues fails the test.
import { createI18n, setMissingKeyReporter } from '../../src/renderer/i18n'

setMissingKeyReporter((key, ns, lng) => {
  throw new Error(`i18n: missing key ${ns}:${key} (${lng})`)
})
createI18n('en')
