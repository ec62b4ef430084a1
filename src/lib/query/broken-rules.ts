import { queryOptions, skipToken, useQuery } from "@tanstack/react-query";
import { catalog } from "../catalog/bundled-catalog";
import { acceptedRuleStatuses } from "../plausibility/accepted-rules";
import { parsedRules } from "../plausibility/rule-comparisons";
import { indicatorsRulesRead } from "../plausibility/rule-indicators";
import { useReadyEngine } from "./engine-status";
import { queryKeys } from "./query-keys";

const rules = parsedRules(catalog.rules);
const ruleIndicators = indicatorsRulesRead(
  rules,
  catalog.indicators.map((i) => i.id),
);

/** The catalog's rules over the accepted data on the page's engine, with the comparisons they fail. */
export function useRuleStatuses() {
  const ready = useReadyEngine();
  return useQuery(
    ready
      ? queryOptions({
          queryKey: queryKeys.ruleStatuses(ready.dataVersion),
          queryFn: async () => {
            await ready.ensureIndicators(ruleIndicators);
            return acceptedRuleStatuses(ready.engine, rules);
          },
        })
      : { queryKey: queryKeys.ruleStatuses(0), queryFn: skipToken },
  );
}
