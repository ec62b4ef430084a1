import type { FundingLine } from "./funding-progress";

export interface CurrencyTotal {
  currency: string;
  committed: number;
  disbursed: number;
}

/** Totals per currency, in currency order: amounts in different currencies are never added. */
export function totalsByCurrency(lines: readonly FundingLine[]): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const { currency, committed, disbursed } of lines) {
    const total = totals.get(currency) ?? { currency, committed: 0, disbursed: 0 };
    total.committed += committed;
    total.disbursed += disbursed;
    totals.set(currency, total);
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
