import type { Catalog, LocalizedText } from "./schema";

/**
 * The report's own headings for the parts that are not a theme or a population group. English:
 * the report's headings (its table of contents), in sentence case. Spanish: our translation, since
 * only the English text of the report is available.
 */
const partHeadings: Record<string, LocalizedText> = {
  I: { es: "Introducción", en: "Introduction" },
  II: {
    es: "Conceptualización de términos esenciales para el Pacto Mundial",
    en: "Conceptualization of essential terms for the Global Compact",
  },
  III: { es: "Resultados de las discusiones temáticas", en: "Results of the thematic discussions" },
  V: { es: "Consulta con la sociedad civil", en: "Civil society consultation" },
  annex: { es: "Con el apoyo de", en: "With the support of" },
};

/**
 * The topics of the civil society consultation (the words the report sets in bold within each
 * population group), as the catalog names them after the group: `V.migrant-children / justice`.
 */
const consultationTopics: Record<string, LocalizedText> = {
  "benefits portability": {
    es: "Portabilidad de beneficios sociales",
    en: "Social benefits portability",
  },
  "border management": { es: "Gestión de fronteras", en: "Border management" },
  "consular assistance": { es: "Asistencia consular", en: "Consular assistance" },
  data: { es: "Datos confiables", en: "Reliable data" },
  discrimination: { es: "Discriminación e intolerancia", en: "Discrimination and intolerance" },
  "family reunification": { es: "Reunificación familiar", en: "Family reunification" },
  healthcare: { es: "Atención en salud", en: "Healthcare" },
  inclusion: { es: "Inclusión social", en: "Social inclusion" },
  "information campaigns": { es: "Campañas de información", en: "Information campaigns" },
  "internal displacement": { es: "Desplazamiento interno", en: "Internal displacement" },
  justice: { es: "Justicia", en: "Justice" },
  legislation: {
    es: "Legislación y políticas nacionales",
    en: "National legislation and policies",
  },
  "psycho-social attention": { es: "Atención psicosocial", en: "Psycho-social attention" },
  "return and reintegration": { es: "Retorno y reintegración", en: "Return and reintegration" },
  smuggling: { es: "Tráfico ilícito de migrantes", en: "Migrant smuggling" },
  trafficking: { es: "Trata de personas", en: "Trafficking in persons" },
  "workers' rights": {
    es: "Derechos de las personas trabajadoras migrantes",
    en: "Rights of migrant workers",
  },
};

type Structure = Pick<Catalog, "themes" | "populationGroups">;

function themeHeading(structure: Structure, section: string): LocalizedText | null {
  const theme = structure.themes.find((th) => th.section === section);
  if (!theme) return null;
  if (theme.kind !== "theme" || theme.number === undefined) return theme.title;
  return {
    es: `Tema ${theme.number}: ${theme.title.es}`,
    en: `Theme ${theme.number}: ${theme.title.en}`,
  };
}

/**
 * The report's headings from the top down to a section id (`II.1`, `IV`,
 * `V.migrant-children / justice` …), so pages can say where a commitment sits without showing the
 * id. null when any part of the id is unknown: a page then names the report only.
 */
export function sectionHeadings(structure: Structure, section: string): LocalizedText[] | null {
  const [path = "", topic] = section.split(" / ");
  const [part = "", rest] = path.split(/\.(.*)/s);
  const top = partHeadings[part];
  const headings: (LocalizedText | null | undefined)[] = [];
  if (rest === undefined) headings.push(top ?? themeHeading(structure, part));
  else if (part === "V") {
    headings.push(top, structure.populationGroups.find((g) => g.id === rest)?.title);
  } else headings.push(top, themeHeading(structure, path));
  if (topic !== undefined) headings.push(consultationTopics[topic]);
  return headings.every((h): h is LocalizedText => h !== null && h !== undefined) ? headings : null;
}

/** A section id as the report's headings in one language: «Consulta con la sociedad civil › …». */
export function sectionTitle(
  structure: Structure,
  section: string,
  language: keyof LocalizedText,
): string | null {
  return (
    sectionHeadings(structure, section)
      ?.map((h) => h[language])
      .join(" › ") ?? null
  );
}
