/**
 * The shape every translation must have: the same keys as the English catalogue, any string values.
 * A key missing from a translation is a type error; the i18n test also checks it at run time.
 * Plural forms: English has key_one and key_other; Korean has no singular, so only key_other is required there.
 */
export type Catalogue<T> = {
  [K in keyof T as K extends `${string}_one` ? never : K]: T[K] extends string ? string : Catalogue<T[K]>
} & {
  [K in keyof T as K extends `${string}_one` ? K : never]?: string
}
