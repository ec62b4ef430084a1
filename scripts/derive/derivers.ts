import { bchRemittances } from "./bch-remittances";
import type { AssetDeriver, Deriver } from "./deriver";
import {
  traffickingPersonsConvictedUnodc,
  traffickingPersonsProsecutedUnodc,
  traffickingVictimsDetectedUnodc,
} from "./glotip-trafficking";
import { hondurasMap } from "./honduras-map";
import { idmcDisasters } from "./idmc-disasters";
import { iomMissingMigrants } from "./iom-missing-migrants";
import { populationHnd2024 } from "./population-hnd";
import { remittanceCost } from "./remittance-cost";
import {
  asylumApplicationsByHondurans,
  asylumSeekersFromHonduras,
  refugeesFromHonduras,
} from "./unhcr-abroad";
import { idpsInHondurasIdmc, idpsInHondurasUnhcr } from "./unhcr-idps";
import { refugeesFromHondurasPer100k } from "./unhcr-refugee-rate";

/** Every real series, each made from its raw files by `npm run data:derive`. */
export const derivers: readonly Deriver[] = [
  remittanceCost,
  bchRemittances,
  iomMissingMigrants,
  idmcDisasters,
  refugeesFromHonduras,
  refugeesFromHondurasPer100k,
  asylumSeekersFromHonduras,
  asylumApplicationsByHondurans,
  idpsInHondurasUnhcr,
  idpsInHondurasIdmc,
  traffickingVictimsDetectedUnodc,
  traffickingPersonsProsecutedUnodc,
  traffickingPersonsConvictedUnodc,
];

/** Every file the app ships that is made from raw files, also by `npm run data:derive`. */
export const assetDerivers: readonly AssetDeriver[] = [hondurasMap, populationHnd2024];
