import type { Indicator, Unit } from "../../catalog/schema";
import type { Finding } from "../findings";
import { type Cell, cellPlace } from "./cell";

/** Unit spellings that mean each catalog unit, for the unit-mismatch rule. */
export const unitWords: Record<Unit, readonly string[]> = {
  count: ["count", "number", "numero", "número", "personas", "persons", "casos", "cases"],
  percent: ["percent", "percentage", "porcentaje", "%", "pct"],
  ratio: ["ratio", "razon", "razón", "cociente"],
  rate_per_100k: [
    "rate_per_100k",
    "per 100000",
    "por 100000",
    "por 100 000",
    "per 100,000",
    "tasa",
  ],
  currency_usd: ["currency_usd", "usd", "us$", "dolares", "dólares", "dollars"],
  score: ["score", "puntaje", "puntuacion", "puntuación"],
  yes_no: ["yes_no", "si/no", "sí/no", "yes/no"],
  milestone: ["milestone", "hito", "etapa"],
};

/** A unit, when given, must be a spelling of the indicator's unit. */
export function checkUnit(
  file: string,
  row: number,
  cell: Cell,
  indicator: Indicator | undefined,
  findings: Finding[],
): void {
  if (!indicator || cell.text === "") return;
  const words = unitWords[indicator.unit];
  const text = cell.text.toLowerCase();
  if (!words.some((w) => w.toLowerCase() === text))
    findings.push({
      severity: "error",
      code: "unit_mismatch",
      ...cellPlace(file, row, cell),
      detail: { expected: indicator.unit },
    });
}
