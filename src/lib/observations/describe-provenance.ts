import type { TFunction } from "i18next";
import { formatDate } from "../format/format-value";
import type { Language } from "../i18n/resources";
import type { Provenance } from "./provenance";

/**
 * One provenance as words, for screens and exports: the publisher and licence of a dataset, the
 * accepted file and its date, the source the data named, or ILLUSTRATIVE. `short` for tiles and
 * cards; the full form (publisher, title, edition) for an indicator's page and exports.
 */
export function describeProvenance(
  p: Provenance,
  t: TFunction,
  language: Language,
  length: "short" | "full" = "full",
): string {
  switch (p.kind) {
    case "illustrative":
      return t(length === "short" ? "source.illustrativeShort" : "source.illustrative");
    case "dataset":
      return length === "short"
        ? t("source.datasetShort", {
            name: p.source.short[language],
            licence: p.source.licence.name,
          })
        : t("source.dataset", {
            publisher: p.source.publisher[language],
            title: p.source.title[language],
            licence: p.source.licence.name,
            edition: p.source.edition,
          });
    case "accepted":
      return p.file?.fileName
        ? t("source.accepted", {
            file: p.file.fileName,
            date: formatDate(new Date(p.file.acceptedAt), language, "long"),
          })
        : t("source.acceptedUnknown");
    case "stated":
      return p.text ? t("source.stated", { text: p.text }) : t("source.unstated");
  }
}

/** Every provenance of a figure, joined for a single cell or line. */
export function describeProvenances(
  list: readonly Provenance[],
  t: TFunction,
  language: Language,
  length: "short" | "full" = "full",
): string {
  return list.map((p) => describeProvenance(p, t, language, length)).join("; ");
}
