import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { EChart } from "@/components/chart/echart";
import { SourceLine } from "@/components/source-line";
import { catalog, codeLabel } from "@/lib/catalog/bundled-catalog";
import type { Indicator } from "@/lib/catalog/schema";
import { departmentMapModel } from "@/lib/chart/department-map-model";
import { departmentMapOption } from "@/lib/chart/department-map-option";
import {
  formatNumber,
  formatPeriod,
  formatValue,
  formatValueShort,
} from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { bundledSources } from "@/lib/observations/bundled-sources";
import { byPeriod, type DepartmentPoint, toYears } from "@/lib/observations/department-values";
import { describeProvenance } from "@/lib/observations/describe-provenance";
import { pointProvenance } from "@/lib/observations/provenance";
import { useAcceptedFiles } from "@/lib/query/accepted-files";
import { queryKeys } from "@/lib/query/query-keys";
import { bundledPopulation } from "@/lib/rates/bundled-population";
import { perPopulation } from "@/lib/rates/department-rates";
import { describeRate } from "@/lib/rates/describe-rate";
import type { RateBase } from "@/lib/rates/rate";
import { useBreakdown } from "../../api/get-breakdown";
import { DepartmentSeries } from "./department-series";
import { DepartmentTable } from "./department-table";
import { MapLegend } from "./map-legend";

const codes = (catalog.dimensions.find((d) => d.id === "department")?.codes ?? []).map(
  (c) => c.code,
);
const loadMap = () => import("@/lib/echarts-map").then((m) => m.hondurasMapName);

/**
 * An indicator by department: a choropleth for one period (or year), its stated legend, a table
 * with the same values (every department reachable by keyboard there), and the chosen
 * department's series. The map itself is described for screen readers.
 */
export function DepartmentMap({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const id = useId();
  const accepted = useAcceptedFiles();
  const breakdown = useBreakdown(indicator.id, "department");
  const map = useQuery({
    queryKey: queryKeys.departmentMap(),
    queryFn: loadMap,
    staleTime: Infinity,
  });
  const canSumYears =
    indicator.periodicity === "quarterly" &&
    (indicator.unit === "count" || indicator.unit === "currency_usd");
  const [years, setYears] = useState(false);
  // Amounts per person, counts per 100,000: a population denominator exists by department.
  const rateBase: RateBase | null =
    indicator.unit === "currency_usd" ? 1 : indicator.unit === "count" ? 100_000 : null;
  const [perCapita, setPerCapita] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const points = useMemo<DepartmentPoint[]>(() => {
    const all = [...(breakdown.data?.entries() ?? [])].flatMap(([code, list]) =>
      list.map((p) => ({ ...p, code })),
    );
    return years ? toYears(all) : all;
  }, [breakdown.data, years]);
  const periods = useMemo(() => byPeriod(points), [points]);
  const withValues = [...periods.entries()].filter(([, at]) =>
    [...at.values()].some((p) => p.value !== null),
  );
  const period = chosen && periods.has(chosen) ? chosen : (withValues.at(-1)?.[0] ?? null);
  const at = period ? periods.get(period) : undefined;
  const rated =
    perCapita && rateBase && at
      ? perPopulation(at, rateBase, bundledPopulation, bundledSources)
      : null;
  const model = departmentMapModel(codes, rated ? rated.points : at);
  const firstRate = rated ? [...rated.rates.values()].find((r) => r.kind === "rate") : undefined;
  const rateUnit = rateBase === 1 ? "perPerson" : "per100k";
  const format = (v: number | null) =>
    rated
      ? v === null
        ? t("map.noDataShort")
        : t(`map.${rateUnit}Value`, { value: formatNumber(v, language, rateBase === 1 ? 2 : 1) })
      : formatValue(v, indicator.unit, language, t("map.noDataShort"));
  const name = (code: string) => local(codeLabel("department", code) ?? { es: code, en: code });
  const sourceOf = (point: DepartmentPoint | undefined) =>
    point
      ? describeProvenance(
          pointProvenance(point, bundledSources, accepted(indicator.id, point.period)),
          t,
          language,
          "short",
        )
      : "—";
  const periodLabel = period ? formatPeriod(period, language) : "";
  const summary = t("map.summary", {
    title: local(indicator.title),
    period: periodLabel,
    highest: model.highest ? `${name(model.highest.code)} (${format(model.highest.value)})` : "—",
    lowest: model.lowest ? `${name(model.lowest.code)} (${format(model.lowest.value)})` : "—",
    count: model.noData,
  });
  const headingId = `${id}-map`;
  if (breakdown.isPending || map.isPending) return <p aria-busy="true">{t("engine.loading")}</p>;
  return (
    <section
      aria-labelledby={headingId}
      className="panel department-map"
      data-department-map={indicator.id}
    >
      <h2 id={headingId}>{t("map.heading")}</h2>
      {!period || !map.data ? (
        <p data-map-empty>{t("map.empty")}</p>
      ) : (
        <>
          <div className="tool-row map-controls">
            <label>
              {t("map.period")}
              <select value={period} onChange={(e) => setChosen(e.target.value)} data-map-period>
                {[...periods.keys()].map((p) => (
                  <option key={p} value={p}>
                    {formatPeriod(p, language)}
                  </option>
                ))}
              </select>
            </label>
            {rateBase && (
              <label className="map-measure">
                <input
                  type="checkbox"
                  checked={perCapita}
                  onChange={(e) => setPerCapita(e.target.checked)}
                  data-map-per-capita
                />
                {t(`map.${rateUnit}`)}
              </label>
            )}
            {canSumYears && (
              <fieldset className="map-granularity">
                <legend>{t("map.granularity")}</legend>
                <label>
                  <input
                    type="radio"
                    name={`${id}-g`}
                    checked={!years}
                    onChange={() => setYears(false)}
                  />
                  {t("map.quarter")}
                </label>
                <label>
                  <input
                    type="radio"
                    name={`${id}-g`}
                    checked={years}
                    onChange={() => setYears(true)}
                    data-map-years
                  />
                  {t("map.year")}
                </label>
              </fieldset>
            )}
          </div>
          <EChart
            option={departmentMapOption({
              mapName: map.data,
              breaks: model.breaks,
              selected,
              ariaLabel: summary,
              cells: model.rows.map((r) => ({
                code: r.code,
                value: r.value,
                tooltip: `${name(r.code)}\n${format(r.value)} · ${periodLabel}\n${t("source.label")}: ${sourceOf(r.point)}`,
              })),
            })}
            summary={summary}
            height="min(440px, 60vw)"
            className="map-chart"
            drawn={`${period}:${years ? "years" : "periods"}`}
            onItemClick={setSelected}
            download={{
              name: `${indicator.id}-departamentos-${period}`,
              rows: [
                [
                  t("map.department"),
                  t("indicator.period"),
                  t("indicator.value"),
                  t("source.label"),
                ],
                ...model.rows.map((r) => [name(r.code), period, r.value, sourceOf(r.point)]),
              ],
            }}
          />
          <MapLegend
            breaks={model.breaks}
            format={(v) => (rated ? format(v) : formatValueShort(v, indicator.unit, language, ""))}
            hasZero={model.hasZero}
            noData={model.noData}
          />
          {years && <p className="muted">{t("map.yearRule")}</p>}
          {firstRate && (
            <p className="muted" data-map-denominator>
              {describeRate(firstRate, t, language).join(" ")}
            </p>
          )}
          <SourceLine
            indicatorId={indicator.id}
            points={model.rows.flatMap((r) => (r.point ? [r.point] : []))}
          />
          <DepartmentTable
            rows={model.rows}
            caption={t("map.tableCaption", { period: periodLabel })}
            name={name}
            format={format}
            selected={selected}
            onSelect={setSelected}
          />
          {selected && (
            <DepartmentSeries
              indicator={indicator}
              name={name(selected)}
              points={points.filter((p) => p.code === selected)}
              format={format}
            />
          )}
        </>
      )}
    </section>
  );
}
