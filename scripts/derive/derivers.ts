import type { Deriver } from "./deriver";
import { remittanceCost } from "./remittance-cost";

/** Every real series, each made from its raw files by `npm run data:derive`. */
export const derivers: readonly Deriver[] = [remittanceCost];
