import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SourceLine } from "@/components/source-line";
import { StaleFlag } from "@/components/stale-flag";
import { findIndicator } from "@/lib/catalog/bundled-catalog";
import { formatPeriod, formatValue, formatValueShort } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import type { SeriesPoint } from "@/lib/observations/series-point";
import { isStale } from "@/lib/progress/staleness";
import { type KeyFigure, keyFigure } from "./key-figure";

/**
 * The figures a minister is asked about. Counts reported by quarter show a 12-month sum; every
 * tile says what period it covers, flags old data and names its source. Tiles with recent data
 * come first, then old ones, then those still without data.
 */
const tiles: { id: string; sumYear?: boolean }[] = [
  { id: "remittance-inflows-usd", sumYear: true },
  { id: "refugees-from-honduras" },
  { id: "returnees-received", sumYear: true },
  { id: "children-in-detention" },
  { id: "children-in-alternatives" },
  { id: "reintegration-rate" },
  { id: "trafficking-victims-detected-unodc" },
  { id: "missing-migrants-recorded", sumYear: true },
  { id: "remittance-cost-usd200" },
];

function rank(figure: KeyFigure | null, periodicity: Parameters<typeof isStale>[1]): number {
  if (!figure) return 2;
  const period = figure.kind === "sum12" ? figure.to : figure.period;
  return isStale(period, periodicity, new Date()) ? 1 : 0;
}

export function HeadlineFigures({ series }: { series: Map<string, SeriesPoint[]> }) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const shown = tiles
    .flatMap(({ id, sumYear }) => {
      const indicator = findIndicator(id);
      if (!indicator) return [];
      const points = series.get(id) ?? [];
      const figure = keyFigure(points, indicator.periodicity, sumYear ?? false);
      return [{ indicator, points, figure, rank: rank(figure, indicator.periodicity) }];
    })
    .sort((a, b) => a.rank - b.rank);
  return (
    <section aria-labelledby="headlines-heading">
      <h2 id="headlines-heading">{t("progress.headlines")}</h2>
      <div className="tiles">
        {shown.map(({ indicator, figure }) => {
          const period = figure ? (figure.kind === "sum12" ? figure.to : figure.period) : null;
          return (
            <div key={indicator.id} className="tile" data-tile={indicator.id}>
              <Link to={`/${language}/indicators/${indicator.id}`} className="tile__title">
                {local(indicator.title)}
              </Link>
              <span className="tile__value">
                {formatValueShort(
                  figure?.value ?? null,
                  indicator.unit,
                  language,
                  t("catalog.noDataYet"),
                )}
              </span>
              {figure && (
                <span className="tile__period" data-figure-kind={figure.kind}>
                  {figure.kind === "sum12"
                    ? t("keyFigure.sum12", {
                        from: formatPeriod(figure.from, language),
                        to: formatPeriod(figure.to, language),
                      })
                    : t(`keyFigure.${figure.periodicity}`, {
                        period: formatPeriod(figure.period, language),
                      })}
                </span>
              )}
              {period && <StaleFlag period={period} periodicity={indicator.periodicity} />}
              {indicator.target && (
                <span className="muted">
                  {t("overview.target")}:{" "}
                  {formatValue(indicator.target.value, indicator.unit, language, "")} (
                  {indicator.target.year})
                  {indicator.thresholds.map((th) => ` · ${local(th.label)}`).join("")}
                </span>
              )}
              {figure && <SourceLine indicatorId={indicator.id} points={figure.points} />}
            </div>
          );
        })}
      </div>
    </section>
  );
}
