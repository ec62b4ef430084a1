import type { Indicator } from "@/lib/catalog/schema";

const examplePeriod = { quarterly: "2025-Q1", annual: "2025", monthly: "2025-01" } as const;

/** The header and a first row of the file that would feed this indicator (blank disaggregations = total). */
export function csvTemplate(indicator: Indicator): string {
  const dimensions = Object.keys(indicator.disaggregations);
  const header = ["indicator_id", "period", "value", ...dimensions, "source", "note"];
  const row = [
    indicator.id,
    examplePeriod[indicator.periodicity],
    "",
    ...dimensions.map(() => ""),
    "",
    "",
  ];
  return `${header.join(",")}\n${row.join(",")}`;
}
