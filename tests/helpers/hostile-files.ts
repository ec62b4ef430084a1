/**
 * The hostile corpus (src/lib/selfcheck/hostile-corpus.ts, shared with `gcm selfcheck`) built
 * under Node, and files that look hostile but are valid: their text must arrive unchanged.
 */
import {
  buildHostileCorpus,
  type HostileCase,
  toCsv,
} from "../../src/lib/selfcheck/hostile-corpus";
import { nodeCorpusTools } from "../../src/lib/selfcheck/node-corpus-tools";

export type { HostileCase };
export { nodeCorpusTools, toCsv };

let corpus: Promise<HostileCase[]> | undefined;

/** Built once per test file: the big cases take a moment to generate. */
export function hostileFiles(): Promise<HostileCase[]> {
  corpus ??= buildHostileCorpus(nodeCorpusTools);
  return corpus;
}

/** Notes and sources that look like attacks but are just text an officer may write. */
export const hostileTexts = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "'); DROP TABLE observations;--",
  'value"; DELETE FROM observations;--',
  '=HYPERLINK("http://example.com/x","ver")',
  "@SUM(A1:A9)",
  "+cmd|' /C calc'!A0",
  "__proto__",
  "constructor",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: placeholders an officer's text may hold by chance.
  "{{file}} ${process.env.HOME} %s %n",
  "Niñez — «migración» “segura” 100 %",
] as const;

/** A valid file whose notes and sources are the hostile texts, one row per text. */
export function hostileTextFile(): { bytes: Uint8Array; texts: readonly string[] } {
  const rows = hostileTexts.map((text, i) => [
    "returnees-received",
    `${2040 + i}-Q1`,
    1000 + i,
    text,
    text,
  ]);
  return {
    bytes: new TextEncoder().encode(
      toCsv([["indicator_id", "period", "value", "source", "note"], ...rows]),
    ),
    texts: hostileTexts,
  };
}
