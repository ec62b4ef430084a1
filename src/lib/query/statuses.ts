import { useMemo } from "react";
import type { Indicator } from "../catalog/schema";
import { type IndicatorStatus, indicatorStatus } from "../progress/indicator-status";
import { useMethod } from "../progress/use-method";
import { type HeadlineOptions, useHeadlines } from "./headlines";

/**
 * Each indicator's status under the chosen method, computed from the series its scope reads
 * (before the engine is ready, from the last computed results: `headlines.snapshot` says so).
 * Indicators that cannot show the scope's group get no status (`headlines.without`).
 */
export function useStatuses(indicators: readonly Indicator[], options: HeadlineOptions = {}) {
  const headlines = useHeadlines(indicators, options);
  const [method] = useMethod();
  const statuses = useMemo(() => {
    if (!headlines.data) return null;
    const asOf = new Date();
    return new Map<string, IndicatorStatus>(
      headlines.specs.flatMap((spec) => {
        const indicator = indicators.find((i) => i.id === spec.indicatorId);
        return indicator
          ? [
              [
                indicator.id,
                indicatorStatus(indicator, headlines.data.get(indicator.id) ?? [], method, asOf),
              ],
            ]
          : [];
      }),
    );
  }, [headlines.data, headlines.specs, indicators, method]);
  return { statuses, headlines, method };
}
