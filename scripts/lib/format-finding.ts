import { createI18n } from "../../src/lib/i18n/create-i18n";
import type { Language } from "../../src/lib/i18n/resources";
import { describeFinding } from "../../src/lib/intake/describe-finding";
import type { Finding } from "../../src/lib/intake/findings";

export function formatFinding(finding: Finding, language: Language): string {
  return describeFinding(finding, createI18n(language).t);
}
