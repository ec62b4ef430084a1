import { useMemo } from "react";
import type { Indicator } from "../catalog/schema";
import { type IndicatorStatus, indicatorStatus } from "../progress/indicator-status";
import { useMethod } from "../progress/use-method";
import { useHeadlines } from "./headlines";

/**
 * Each indicator's status under the chosen method, computed from its headline series (before the
 * engine is ready, from the last computed results: `headlines.snapshot` says so).
 */
export function useStatuses(indicators: readonly Indicator[], persist = false) {
  const headlines = useHeadlines(indicators, persist);
  const [method] = useMethod();
  const statuses = useMemo(() => {
    if (!headlines.data) return null;
    const asOf = new Date();
    return new Map<string, IndicatorStatus>(
      indicators.map((i) => [
        i.id,
        indicatorStatus(i, headlines.data.get(i.id) ?? [], method, asOf),
      ]),
    );
  }, [headlines.data, indicators, method]);
  return { statuses, headlines, method };
}
