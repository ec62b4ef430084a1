import sourcesJson from "../../../data/sources.json";
import { type DataSource, dataSources } from "./data-sources";

/** The publishers of the real series shipped with the app (data/sources.json), parsed once. */
export const bundledSources: readonly DataSource[] = dataSources.parse(sourcesJson);
