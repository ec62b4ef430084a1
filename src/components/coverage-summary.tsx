import { useTranslation } from "react-i18next";
import type { Indicator } from "@/lib/catalog/schema";
import { bundledSources } from "@/lib/observations/bundled-sources";
import { dataCoverage } from "@/lib/observations/data-coverage";
import type { SeriesPoint } from "@/lib/observations/series-point";
import { demoOn } from "@/lib/published/demo-mode";
import { useAcceptedFiles } from "@/lib/query/accepted-files";

/** How many of a scope's indicators have real data, and from where, said plainly and large. */
export function CoverageSummary({
  indicators,
  series,
  compact = false,
}: {
  indicators: readonly Indicator[];
  series: ReadonlyMap<string, readonly SeriesPoint[]>;
  /** One line, for a printed page. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const accepted = useAcceptedFiles();
  const counts = dataCoverage(
    indicators.map((i) => i.id),
    (id) => series.get(id) ?? [],
    bundledSources,
    accepted,
  );
  return (
    <section
      className={compact ? "coverage coverage--compact" : "coverage"}
      aria-label={t("coverage.label")}
      data-coverage
    >
      <p className="coverage__lead">{t("coverage.lead", { count: counts.total })}</p>
      <ul className="coverage__counts">
        <li data-coverage-published={counts.published}>
          <strong className="coverage__number">{counts.published}</strong>{" "}
          {t("coverage.published", { count: counts.published })}
        </li>
        <li data-coverage-accepted={counts.accepted}>
          <strong className="coverage__number">{counts.accepted}</strong>{" "}
          {t("coverage.accepted", { count: counts.accepted })}
        </li>
        <li data-coverage-none={counts.none}>
          <strong className="coverage__number">{counts.none}</strong>{" "}
          {t("coverage.none", { count: counts.none })}
          {demoOn &&
            counts.demoOnly > 0 &&
            ` ${t("coverage.demoOnly", { count: counts.demoOnly })}`}
        </li>
      </ul>
    </section>
  );
}
