import { en, type MessageKey } from "./dictionaries/en";
import { nl } from "./dictionaries/nl";
import type { Locale } from "./locales";

export type { MessageKey };

export const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { nl, en };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * Looks up `key` in the dictionary of `locale` and fills in `{name}` parameters.
 *
 * @example translate("nl", "login.title", { practice: "Praktijk De Linde" })
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = DICTIONARIES[locale][key];
  if (!params) return template;

  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
}

/** Returns a `translate` bound to one locale, the form pages and emails use. */
export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** Keys that come in plural forms: `{base}.one` and `{base}.other`. */
export type PluralBaseKey = {
  [Key in MessageKey]: Key extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never;
}[MessageKey];

/**
 * Picks the plural form for `count` by the language's rules (`Intl.PluralRules`) and fills in
 * `{count}` with the number formatted for the locale.
 */
export function translatePlural(locale: Locale, baseKey: PluralBaseKey, count: number, params?: MessageParams): string {
  const form = new Intl.PluralRules(locale).select(count) === "one" ? "one" : "other";
  const key = `${baseKey}.${form}` as const;
  return translate(locale, key, { ...params, count: new Intl.NumberFormat(locale).format(count) });
}
