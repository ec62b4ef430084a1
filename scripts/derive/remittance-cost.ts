import { readCsv } from "../../src/lib/intake/read-csv";
import { reshapeRpwCorridors } from "../lib/rpw-corridors";
import type { Deriver } from "./deriver";
import { readRawText } from "./raw-files";
import { tidyCsv } from "./tidy-csv";

const source = "wb-rpw-corridors-2020q3";
export const rpwRawFile = "wb-rpw_corridors_2011Q1-2020Q3_36d1ed87_Data.csv";

/** SDG 10.c.1: the USA→HND and ESP→HND corridors, wide quarters reshaped to long. */
export const remittanceCost: Deriver = {
  output: "remittance-cost-usd200.csv",
  sources: [source],
  derive: async () =>
    tidyCsv(
      reshapeRpwCorridors(
        readCsv(readRawText(source, rpwRawFile)),
        "HND",
        ["USA", "ESP"],
        "remittance-cost-usd200",
        source,
      ),
    ),
};
