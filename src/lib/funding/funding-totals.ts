import { from, op } from "arquero";
import { z } from "zod";
import type { FundingLine } from "./funding-progress";

const currencyTotal = z.object({
  currency: z.string(),
  committed: z.number(),
  disbursed: z.number(),
});
export type CurrencyTotal = z.infer<typeof currencyTotal>;

/** Totals per currency: amounts in different currencies are never added together. */
export function totalsByCurrency(lines: readonly FundingLine[]): CurrencyTotal[] {
  if (lines.length === 0) return [];
  const totals = from(
    lines.map(({ currency, committed, disbursed }) => ({ currency, committed, disbursed })),
  )
    .groupby("currency")
    .rollup({ committed: op.sum("committed"), disbursed: op.sum("disbursed") })
    .orderby("currency");
  return totals.objects().map((t) => currencyTotal.parse(t));
}
