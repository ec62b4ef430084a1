import { type Language, localeOf } from "../i18n/resources";
import type { Unit } from "./units";

/**
 * Formatters, made once per locale and style (each style has fixed options): building an
 * Intl.NumberFormat costs far more than using one, and a chart or table formats every value it
 * shows on each redraw.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(
  locale: string,
  style: string,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  const key = `${locale} ${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A value as a minister reads it: `es-HN` grouping, unit-aware precision. */
export function formatValue(
  value: number | null,
  unit: Unit,
  language: Language,
  missing: string,
): string {
  if (value === null || !Number.isFinite(value)) return missing;
  const locale = localeOf[language];
  switch (unit) {
    case "percent":
      return `${numberFormat(locale, "percent", { maximumFractionDigits: 2, minimumFractionDigits: 1 }).format(value)} %`;
    case "currency_usd":
      return numberFormat(locale, "usd", {
        style: "currency",
        currency: "USD",
        maximumFractionDigits: 0,
      }).format(value);
    case "count":
      return numberFormat(locale, "count", { maximumFractionDigits: 0 }).format(value);
    case "ratio":
      // Always two decimals: 0.5 and 1.25 months of earnings read alike in a column.
      return numberFormat(locale, "ratio", {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }).format(value);
    default:
      return numberFormat(locale, "decimal", { maximumFractionDigits: 2 }).format(value);
  }
}

/**
 * A value short enough for a tile: amounts of a million dollars or more in words (USD 12.2 mil
 * millones / USD 12.2 billion), everything else as `formatValue` gives it.
 */
export function formatValueShort(
  value: number | null,
  unit: Unit,
  language: Language,
  missing: string,
): string {
  if (unit !== "currency_usd" || value === null || !Number.isFinite(value) || Math.abs(value) < 1e6)
    return formatValue(value, unit, language, missing);
  const compact = numberFormat(localeOf[language], "compact", {
    notation: "compact",
    compactDisplay: "long",
    maximumFractionDigits: 1,
  }).format(value);
  return `USD ${compact}`;
}

/** `2024-Q3` → `T3 2024` in Spanish, `Q3 2024` in English; other periods as they are. */
export function formatPeriod(code: string, language: Language): string {
  const quarter = code.match(/^(\d{4})-Q([1-4])$/);
  if (quarter)
    return language === "es" ? `T${quarter[2]} ${quarter[1]}` : `Q${quarter[2]} ${quarter[1]}`;
  return code;
}

/** An amount in its own currency, never converted. */
export function formatMoney(value: number, currency: string, language: Language): string {
  return numberFormat(localeOf[language], `money ${currency}`, {
    style: "currency",
    currency,
    maximumFractionDigits: 0,
  }).format(value);
}

export function formatNumber(
  value: number | null,
  language: Language,
  maximumFractionDigits?: number,
): string {
  if (value === null) return "—";
  return maximumFractionDigits === undefined
    ? numberFormat(localeOf[language], "plain").format(value)
    : numberFormat(localeOf[language], `plain ${maximumFractionDigits}`, {
        maximumFractionDigits,
        minimumFractionDigits: maximumFractionDigits,
      }).format(value);
}

export function formatDate(date: Date, language: Language, style: "long" | "medium-time"): string {
  const options: Intl.DateTimeFormatOptions =
    style === "long" ? { dateStyle: "long" } : { dateStyle: "medium", timeStyle: "short" };
  return new Intl.DateTimeFormat(localeOf[language], options).format(date);
}
