import populationJson from "../../assets/population-hnd-2024.json";
import { type PopulationDenominators, populationDenominators } from "./population";

/** OCHA's 2024 population of Honduras by department, sex and age, as the app ships it. */
export const bundledPopulation: PopulationDenominators =
  populationDenominators.parse(populationJson);
