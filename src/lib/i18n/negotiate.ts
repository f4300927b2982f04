import { isLocale, type Locale } from "./locales";

export const LOCALE_COOKIE = "veranda_lang";
export const LOCALE_QUERY_PARAMETER = "lang";

/**
 * Chooses the language of a page: the signed-in client's own setting, else the language the
 * visitor picked with the switch (a cookie), else the practice default.
 */
export function chooseLocale(options: {
  subjectLocale: string | null | undefined;
  cookieLocale: string | undefined;
  practiceDefault: Locale;
}): Locale {
  if (isLocale(options.subjectLocale)) return options.subjectLocale;
  if (isLocale(options.cookieLocale)) return options.cookieLocale;
  return options.practiceDefault;
}
