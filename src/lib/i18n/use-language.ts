import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { LocalizedText } from "../catalog/schema";
import { defaultLanguage, isLanguage, type Language } from "./resources";

/** The current interface language and a stable reader for bilingual catalog text. */
export function useLanguage(): { language: Language; local: (text: LocalizedText) => string } {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  const local = useCallback((text: LocalizedText) => text[language], [language]);
  return { language, local };
}
