import type { Language } from "../i18n/resources";

/** How a target comparison reads in a formula, in any language. */
const comparisons: readonly [RegExp, string][] = [
  [/ at_most /g, " ≤ "],
  [/ at_least /g, " ≥ "],
  [/ below /g, " < "],
  [/ above /g, " > "],
];

/**
 * The words of the formulas methods.ts writes, in Spanish; longer phrases first so that «target 0
 * (linear change per year)» is read before «target». The numbers and operators stay as they are.
 */
const spanishWords: readonly [RegExp, string][] = [
  [/target 0 \(linear change per year\): observed/g, "meta 0 (cambio lineal por año): observado"],
  [/\btrend\b/g, "tendencia"],
  [/\bprojected\b/g, "proyectado"],
  [/\bshare\b/g, "proporción"],
  [/\brequired\b/g, "requerido"],
  [/\belapsed\b/g, "transcurrido"],
  [/\bstage\(/g, "etapa("],
  // Compound annual growth rate: tasa de crecimiento anual compuesta (TCAC).
  [/\bCAGR\b/g, "TCAC"],
  // ESCAP's current status index: índice de situación actual (ISA).
  [/\bCSI\b/g, "ISA"],
  [/ vs /g, " frente a "],
  [/ and /g, " y "],
];

/**
 * A progress formula (methods.ts, written once in English with its numbers) as the page's
 * language reads it: comparisons as symbols in both languages; in Spanish, the words translated.
 * The numbers stay as written: Honduras (es-HN, the app's Spanish) writes a decimal point too.
 */
export function formulaText(formula: string, language: Language): string {
  let text = formula;
  for (const [pattern, symbol] of comparisons) text = text.replace(pattern, symbol);
  if (language !== "es") return text;
  for (const [pattern, word] of spanishWords) text = text.replace(pattern, word);
  return text;
}
