import { bchRemittances } from "./bch-remittances";
import type { Deriver } from "./deriver";
import { idmcDisasters } from "./idmc-disasters";
import { iomMissingMigrants } from "./iom-missing-migrants";
import { remittanceCost } from "./remittance-cost";

/** Every real series, each made from its raw files by `npm run data:derive`. */
export const derivers: readonly Deriver[] = [
  remittanceCost,
  bchRemittances,
  iomMissingMigrants,
  idmcDisasters,
];
