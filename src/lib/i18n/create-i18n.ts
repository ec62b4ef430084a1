import i18next, { type i18n } from "i18next";
import { type Language, resources } from "./resources";

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
  return instance;
}
