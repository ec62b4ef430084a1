import { describe, expect, it } from "vitest";
import {
  formatMoney,
  formatNumber,
  formatValue,
  formatValueShort,
} from "../../../src/lib/format/format-value";

describe("formatValue", () => {
  it("writes each unit with its precision, in each language, whatever came before", () => {
    // Alternating languages and units: remembered formatters must never leak between them.
    expect(formatValue(1234567.891, "count", "en", "—")).toBe("1,234,568");
    expect(formatValue(3.882, "percent", "en", "—")).toBe("3.88 %");
    expect(formatValue(3.882, "percent", "es", "—")).toBe("3.88 %");
    expect(formatValue(4, "percent", "en", "—")).toBe("4.0 %");
    expect(formatValue(1500.4, "currency_usd", "en", "—")).toBe("$1,500");
    expect(formatValue(2.345, "score", "en", "—")).toBe("2.35");
    expect(formatValue(1.5, "ratio", "en", "—")).toBe("1.50");
    expect(formatValue(11, "ratio", "en", "—")).toBe("11.00");
    expect(formatValue(1234567.891, "count", "en", "—")).toBe("1,234,568");
  });

  it("says what is missing instead of a number", () => {
    expect(formatValue(null, "count", "es", "sin dato")).toBe("sin dato");
    expect(formatValue(Number.NaN, "count", "en", "no data")).toBe("no data");
    expect(formatNumber(null, "en")).toBe("—");
  });

  it("keeps a currency's own code and the language's grouping", () => {
    expect(formatMoney(2500000, "EUR", "en")).toBe("€2,500,000");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
    expect(formatMoney(2500000, "USD", "en")).toBe("$2,500,000");
  });
});

describe("formatValueShort", () => {
  it("says large dollar amounts in words, leaving everything else as formatValue does", () => {
    // 12,212,026,281 USD: 12.2 thousand million / billion
    expect(formatValueShort(12_212_026_281, "currency_usd", "es", "—")).toBe(
      "USD 12.2 mil millones",
    );
    expect(formatValueShort(12_212_026_281, "currency_usd", "en", "—")).toBe("USD 12.2 billion");
    expect(formatValueShort(950_000, "currency_usd", "en", "—")).toBe(
      formatValue(950_000, "currency_usd", "en", "—"),
    );
    expect(formatValueShort(94_449, "count", "es", "—")).toBe("94,449");
    expect(formatValueShort(null, "currency_usd", "es", "—")).toBe("—");
  });
});
