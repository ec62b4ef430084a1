/**
 * `gcm`: the command line, built on the same catalog, validation and engine modules as the app.
 *   npm run gcm -- catalog [--json] [--coverage]
 *   npm run gcm -- validate <file|dir>... [--json] [--lang es|en] [--sheet S] [--indicator ID] [--map "Header=column"]
 *   npm run gcm -- selfcheck [--json]
 *   npm run gcm -- rules [--json] [--lang es|en]
 *   npm run gcm -- sdmx [--out FILE.zip] [--data FILE]... [--json] [--write-codelists]
 */
import { parseArgs } from "node:util";
import { isLanguage, type Language } from "../lib/i18n/resources";
import { runCatalog } from "./run-catalog";
import { runFunding } from "./run-funding";
import { runRules } from "./run-rules";
import { runSdmx } from "./run-sdmx";
import { runSelfcheckCommand } from "./run-selfcheck";
import { runStatus } from "./run-status";
import { runValidate } from "./run-validate";

const usage = `Uso / usage:
  npm run gcm -- catalog [--json] [--coverage]
  npm run gcm -- validate <archivo|carpeta>... [--json] [--lang es|en]
      [--sheet HOJA] [--indicator ID] [--map "Encabezado=columna"]...
  npm run gcm -- funding [--json] [--donor NOMBRE] [--as-of AAAA-MM-DD] [--demo]
  npm run gcm -- status [--json] [--data ARCHIVO]... [--method statcan|unsd|escap] [--as-of AAAA-MM-DD] [--demo]
      datos reales y aceptados; --demo agrega los datos ilustrativos de demostración, marcados
      real and accepted data; --demo adds the illustrative demo data, marked as such
  npm run gcm -- selfcheck [--json]
      archivos dañinos y fallos de almacenamiento simulados; sale con 1 si se pierde algún dato
      hostile files and simulated storage faults; exits 1 if any data is lost
  npm run gcm -- rules [--json] [--lang es|en]
      reglas de plausibilidad del catálogo y si los datos reales las cumplen; sale con 1 si alguna no se cumple
      the catalog's plausibility rules and whether the real data meet them; exits 1 if one is broken
  npm run gcm -- sdmx [--out ARCHIVO.zip] [--data ARCHIVO]... [--json] [--write-codelists]
      SDMX-CSV 1.0: flujo ODS (IAEG-SDGs:SDG) y flujo nacional (HN:DF_GCM_MONITOR), de los datos reales
      SDMX-CSV 1.0: SDG dataflow (IAEG-SDGs:SDG) and national dataflow (HN:DF_GCM_MONITOR), from the real data`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      coverage: { type: "boolean", default: false },
      sheet: { type: "string" },
      indicator: { type: "string" },
      map: { type: "string", multiple: true },
      data: { type: "string", multiple: true },
      method: { type: "string" },
      "as-of": { type: "string" },
      donor: { type: "string" },
      lang: { type: "string", default: "es" },
      demo: { type: "boolean", default: false },
      out: { type: "string" },
      "write-codelists": { type: "boolean", default: false },
      help: { type: "boolean" },
    },
  });
  const [command, ...rest] = positionals;
  const language: Language = isLanguage(values.lang) ? values.lang : "es";
  if (values.help || command === undefined) {
    console.log(usage);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (command === "funding") {
    return runFunding({
      json: values.json ?? false,
      demo: values.demo ?? false,
      ...(values.donor ? { donor: values.donor } : {}),
      ...(values["as-of"] ? { asOf: values["as-of"] } : {}),
    });
  }
  if (command === "status") {
    return runStatus({
      json: values.json ?? false,
      demo: values.demo ?? false,
      language,
      ...(values.data ? { data: values.data } : {}),
      ...(values.method ? { method: values.method } : {}),
      ...(values["as-of"] ? { asOf: values["as-of"] } : {}),
    });
  }
  if (command === "sdmx") {
    return runSdmx({
      json: values.json ?? false,
      language,
      writeCodelists: values["write-codelists"] ?? false,
      ...(values.data ? { data: values.data } : {}),
      ...(values.out ? { out: values.out } : {}),
    });
  }
  if (command === "rules") return runRules({ json: values.json ?? false, language });
  if (command === "selfcheck") return runSelfcheckCommand({ json: values.json ?? false });
  if (command === "catalog")
    return runCatalog({ json: values.json ?? false, coverage: values.coverage ?? false, language });
  if (command === "validate") {
    return runValidate(rest, {
      json: values.json ?? false,
      language,
      ...(values.sheet ? { sheet: values.sheet } : {}),
      ...(values.indicator ? { indicator: values.indicator } : {}),
      ...(values.map ? { map: values.map } : {}),
    });
  }
  console.error(`Orden desconocida / unknown command: ${command}\n${usage}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
