import i18next, { type i18n } from "i18next";
import { formatNumber } from "../format/format-value";
import { isLanguage, type Language, resources } from "./resources";

/** A ready i18next instance; synchronous, since every resource is bundled. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: "es",
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // `{{count, number}}` follows the page's locale (es-HN writes 1,000,000 as the rest of the
  // page does), not i18next's default for the bare language ("es": 1.000.000), through the same
  // cached formatter as every other number on the page.
  instance.services.formatter?.add("number", (value: unknown, lng: string | undefined) =>
    typeof value === "number"
      ? formatNumber(value, isLanguage(lng) ? lng : language)
      : String(value),
  );
  return instance;
}
