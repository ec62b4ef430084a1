import { MapChart } from "echarts/charts";
import boundaries from "../assets/honduras-departments.geo.json";
import { echarts } from "./echarts";

/**
 * The map chart type and the 18 departments' boundaries (Natural Earth, public domain, bundled:
 * no tile server, no request to another origin). Imported on demand, so only a page that shows a
 * map downloads them.
 */
export const hondurasMapName = "honduras-departments";

echarts.use([MapChart]);
echarts.registerMap(
  hondurasMapName,
  boundaries as unknown as Parameters<typeof echarts.registerMap>[1],
);
