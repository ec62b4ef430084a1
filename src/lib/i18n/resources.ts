import en from "./locales/en.json";
import es from "./locales/es.json";

export const languages = ["es", "en"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "es";

export const resources = { es: { translation: es }, en: { translation: en } } as const;

export function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

/** Number and date formatting follows Honduras (`es-HN`: 1,234.5) or US English. */
export const localeOf: Record<Language, string> = { es: "es-HN", en: "en-US" };
