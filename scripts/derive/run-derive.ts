/**
 * `npm run data:derive`: writes every real series in data/observations/, and every asset the app
 * ships that is made from raw files (src/assets/), from data/raw/.
 * `-- --check` writes nothing and exits 1 when a committed file differs from its derivation.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { observationsDir } from "./deriver";
import { assetDerivers, derivers } from "./derivers";

const check = process.argv.includes("--check");
let differ = 0;
const outputs = [
  ...derivers.map((d) => ({ path: join(observationsDir, d.output), derive: d.derive })),
  ...assetDerivers.map((d) => ({ path: d.output, derive: d.derive })),
];
for (const deriver of outputs) {
  const { path } = deriver;
  const csv = await deriver.derive();
  if (check) {
    const committed = await readFile(path, "utf8").catch(() => "");
    if (committed !== csv) {
      differ += 1;
      console.error(`${path} differs from its derivation`);
    }
  } else {
    await writeFile(path, csv);
    console.log(`wrote ${path} (${csv.length} characters)`);
  }
}
process.exit(differ > 0 ? 1 : 0);
