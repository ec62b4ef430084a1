import { useTranslation } from "react-i18next";
import { useLanguage } from "@/lib/i18n/use-language";
import { describeProvenance } from "@/lib/observations/describe-provenance";
import { provenanceKey } from "@/lib/observations/provenance";
import { provenanceOfSeries, type SourcedSeries } from "@/lib/observations/provenance-of-series";
import type { SeriesPoint } from "@/lib/observations/series-point";
import { useAcceptedFiles } from "@/lib/query/accepted-files";

/**
 * Where a figure or chart comes from, said next to it: publisher and licence, accepted file, or
 * ILLUSTRATIVE. One series (`indicatorId` + `points`) or several (`series`).
 */
type Sourced =
  | { indicatorId: string; points: readonly SeriesPoint[] }
  | { series: readonly SourcedSeries[] };

export function SourceLine(
  props: Sourced & {
    /** The full form (publisher, dataset, edition, licence), where there is room for it. */
    full?: boolean;
  },
) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const accepted = useAcceptedFiles();
  const series = "series" in props ? props.series : [props];
  const list = provenanceOfSeries(series, accepted);
  if (list.length === 0) return null;
  return (
    <p className="source-line" data-provenance={list.map((p) => p.kind).join(" ")}>
      <span className="source-line__label">{t("source.label")}:</span>{" "}
      {list.map((p, i) => (
        <span
          key={provenanceKey(p)}
          className={p.kind === "illustrative" ? "source-line__illustrative" : undefined}
        >
          {i > 0 ? "; " : ""}
          {describeProvenance(p, t, language, props.full ? "full" : "short")}
        </span>
      ))}
    </p>
  );
}
