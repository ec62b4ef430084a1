import { useTranslation } from "react-i18next";
import { mapPalette } from "@/lib/chart/department-map-option";

/**
 * The map's legend as text and swatches (readable in print and by screen readers): each class
 * with its range, how the classes were cut, and "no data" apart from the lowest class.
 */
export function MapLegend({
  breaks,
  format,
  hasZero,
  noData,
}: {
  breaks: readonly number[];
  format: (v: number) => string;
  hasZero: boolean;
  noData: number;
}) {
  const { t } = useTranslation();
  const classes = breaks.slice(0, -1).map((low, k) => ({ low, high: breaks[k + 1] ?? low }));
  return (
    <div className="map-legend" data-map-legend>
      <p className="map-legend__rule">{t("map.classRule", { count: classes.length })}</p>
      <ul>
        {classes.map(({ low, high }, k) => (
          <li key={`${low}-${high}`} data-map-class={k}>
            <span
              className="map-legend__swatch"
              style={{ background: mapPalette[k] }}
              aria-hidden="true"
            />
            {k === classes.length - 1
              ? t("map.classLast", { low: format(low), high: format(high) })
              : t("map.class", { low: format(low), high: format(high) })}
          </li>
        ))}
        <li data-map-class="none">
          <span className="map-legend__swatch map-legend__swatch--none" aria-hidden="true" />
          {t("map.noData", { count: noData })}
        </li>
      </ul>
      {hasZero && <p className="map-legend__rule">{t("map.zero")}</p>}
    </div>
  );
}
