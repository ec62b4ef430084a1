/**
 * `npm run data:derive`: writes every real series in data/observations/ from data/raw/.
 * `-- --check` writes nothing and exits 1 when a committed file differs from its derivation.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { observationsDir } from "./deriver";
import { derivers } from "./derivers";

const check = process.argv.includes("--check");
let differ = 0;
for (const deriver of derivers) {
  const path = join(observationsDir, deriver.output);
  const csv = await deriver.derive();
  if (check) {
    const committed = await readFile(path, "utf8").catch(() => "");
    if (committed !== csv) {
      differ += 1;
      console.error(`${path} differs from its derivation`);
    }
  } else {
    await writeFile(path, csv);
    console.log(`wrote ${path} (${csv.split("\n").length - 2} rows)`);
  }
}
process.exit(differ > 0 ? 1 : 0);
