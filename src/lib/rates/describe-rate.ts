import type { TFunction } from "i18next";
import type { Language } from "../i18n/resources";
import type { Rate } from "./rate";

/**
 * What a screen says under a rate: whose population it divides by (year, publisher, licence),
 * that the years differ when they do, that the population is estimated when it is; or why there
 * is no rate.
 */
export function describeRate(rate: Rate, t: TFunction, language: Language): string[] {
  if (rate.kind === "no_rate") return [t(`rates.noRate.${rate.reason}`)];
  const { denominator, yearMismatch } = rate;
  return [
    t("rates.denominator", {
      year: denominator.year,
      source: denominator.source.short[language],
      licence: denominator.licence.name,
    }),
    ...(yearMismatch ? [t("rates.yearMismatch", yearMismatch)] : []),
    ...(denominator.estimated
      ? [t("rates.estimated", { rule: denominator.estimated[language] })]
      : []),
  ];
}
