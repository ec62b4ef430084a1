import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** `indicators/` of this checkout, wherever the command is run from. */
export const catalogDir = join(dirname(fileURLToPath(import.meta.url)), "../../indicators");
