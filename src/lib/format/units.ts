/** Every unit an indicator may have: the catalog validates against it, the formatter writes each. */
export const units = [
  "count",
  "percent",
  /** One amount divided by another of the same kind, with no upper bound (cost ÷ monthly earnings). */
  "ratio",
  "rate_per_100k",
  "currency_usd",
  "score",
  "yes_no",
  "milestone",
] as const;
export type Unit = (typeof units)[number];
