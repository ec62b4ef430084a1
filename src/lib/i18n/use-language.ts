import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { defaultLanguage, isLanguage, type Language } from "./resources";

/** Text in both languages, as the catalog and the sources registry give it. */
export type BilingualText = Readonly<Record<Language, string>>;

/** The current interface language and a stable reader for bilingual catalog text. */
export function useLanguage(): { language: Language; local: (text: BilingualText) => string } {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  const local = useCallback((text: BilingualText) => text[language], [language]);
  return { language, local };
}
