import { readFile, writeFile } from "node:fs/promises";
import Papa from "papaparse";
import { readCsv } from "../src/lib/intake/read-csv";
import { reshapeRpwCorridors } from "./lib/rpw-corridors";

export const rawFile = "data/raw/wb-rpw_corridors_2011Q1-2020Q3_36d1ed87_Data.csv";
export const derivedFile = "data/observations/remittance-cost-usd200.csv";

export async function deriveRemittanceCostCsv(): Promise<string> {
  const table = readCsv(await readFile(rawFile, "utf8"));
  return `${Papa.unparse(reshapeRpwCorridors(table, "HND", ["USA", "ESP"], "remittance-cost-usd200"))}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(derivedFile, await deriveRemittanceCostCsv());
  console.log(`wrote ${derivedFile}`);
}
