import { defaultLanguage, isLanguage, type Language } from "@/lib/i18n/resources";

const key = "gcm-monitor.language";

/** The last language the user chose, so `/` reopens in it. */
export function savedLanguage(): Language {
  try {
    const value = localStorage.getItem(key);
    return isLanguage(value) ? value : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

export function saveLanguage(language: Language): void {
  try {
    localStorage.setItem(key, language);
  } catch {
    // Storage can be unavailable (private mode); the URL still carries the language.
  }
}
