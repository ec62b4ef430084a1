import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ReportQuote } from "@/components/report-quote";
import { catalog } from "@/lib/catalog/bundled-catalog";
import type { Indicator } from "@/lib/catalog/schema";
import { formatPeriod } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";

/** What the indicator is, where its target comes from, and which commitments it follows. */
export function IndicatorFacts({
  indicator,
  format,
}: {
  indicator: Indicator;
  format: (v: number | null) => string;
}) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const commitments = catalog.commitments.filter((c) => indicator.commitments.includes(c.id));
  const { min, max, integer } = indicator.limits;
  const limitsText = [
    min === undefined ? "" : `≥ ${format(min)}`,
    max === undefined ? "" : `≤ ${format(max)}`,
    integer ? t("indicator.wholeNumber") : "",
  ]
    .filter(Boolean)
    .join(" · ");
  const disaggregationText = Object.entries(indicator.disaggregations)
    .map(([dim, codes]) => {
      const dimension = catalog.dimensions.find((d) => d.id === dim);
      const labels = (codes ?? []).map((code) => {
        const label = dimension?.codes.find((c) => c.code === code)?.label;
        return label ? local(label) : code;
      });
      // Eighteen names say less than "all 18 departments", which is what a map needs to know.
      const everyDepartment =
        dim === "department" && dimension?.codes.every((c) => codes?.includes(c.code));
      const sorted = [...labels].sort((a, b) => a.localeCompare(b, language));
      const text = everyDepartment
        ? t("indicator.allDepartments", { n: labels.length, first: sorted[0], last: sorted.at(-1) })
        : labels.join(", ");
      return `${dimension ? local(dimension.title) : dim}: ${text}`;
    })
    .join(" · ");
  return (
    <section className="facts" aria-labelledby="facts-heading">
      <h2 id="facts-heading">{t("indicator.definition")}</h2>
      <p>{local(indicator.definition)}</p>
      <dl className="facts__list">
        <dt>{t("indicator.unit")}</dt>
        <dd>{t(`units.${indicator.unit}`)}</dd>
        <dt>{t("indicator.direction")}</dt>
        <dd>{t(`directions.${indicator.direction}`)}</dd>
        <dt>{t("indicator.periodicity")}</dt>
        <dd>{t(`periodicities.${indicator.periodicity}`)}</dd>
        <dt>{t("catalog.collection")}</dt>
        <dd>{t(`collections.${indicator.collection}`)}</dd>
        <dt>{t("indicator.provider")}</dt>
        <dd>{local(indicator.provider)}</dd>
        <dt>{t("indicator.limits")}</dt>
        <dd>{limitsText}</dd>
        {indicator.rate && (
          <>
            <dt>{t("indicator.numerator")}</dt>
            <dd>{local(indicator.rate.numerator)}</dd>
            <dt>{t("indicator.denominator")}</dt>
            <dd>{local(indicator.rate.denominator)}</dd>
          </>
        )}
        <dt>{t("indicator.disaggregations")}</dt>
        <dd>{disaggregationText || "—"}</dd>
        <dt>{t("indicator.baseline")}</dt>
        <dd>
          {indicator.baseline
            ? `${formatPeriod(indicator.baseline.period, language)} · ${local(indicator.baseline.reason)}`
            : "—"}
        </dd>
        <dt>{t("indicator.target")}</dt>
        <dd>
          {indicator.target
            ? `${format(indicator.target.value)} (${indicator.target.year}) · ${t("indicator.targetSource")}: ${indicator.target.source.label}`
            : `${t("indicator.noTarget")}: ${indicator.targetNote ? local(indicator.targetNote) : ""}`}
        </dd>
        {indicator.thresholds.map((threshold) => (
          <div key={threshold.value} className="facts__pair">
            <dt>{t("indicator.threshold")}</dt>
            <dd>{`${local(threshold.label)} (${format(threshold.value)}) · ${threshold.source.label}`}</dd>
          </div>
        ))}
        {indicator.sdg && (
          <>
            <dt>{t("indicator.sdg")}</dt>
            <dd data-sdg-match={indicator.sdg.match}>
              {t(
                indicator.sdg.match === "related" ? "indicator.sdgRelated" : "indicator.sdgExact",
                {
                  code: indicator.sdg.indicator,
                },
              )}
              {indicator.sdg.series.length > 0 && ` · ${indicator.sdg.series.join(", ")}`}
            </dd>
          </>
        )}
        <dt>{t("indicator.institutions")}</dt>
        <dd>{indicator.institutions.join(", ")}</dd>
      </dl>
      <h2>{t("indicator.commitments")}</h2>
      <ul className="commitments">
        {commitments.map((c) => (
          <li key={c.id}>
            <Link to={`/${language}/commitments/${c.id}`}>
              <strong>{local(c.title)}</strong>
            </Link>
            <ReportQuote quote={c.quote} />
          </li>
        ))}
      </ul>
      <h2>{t("indicator.sources")}</h2>
      <ul>
        {indicator.sources.map((s) => (
          <li key={s.label}>{s.label}</li>
        ))}
      </ul>
    </section>
  );
}
