import { useTranslation } from "react-i18next";
import { useLanguage } from "@/lib/i18n/use-language";
import { bundledSources } from "@/lib/observations/bundled-sources";
import { describeProvenance } from "@/lib/observations/describe-provenance";
import { seriesProvenance } from "@/lib/observations/provenance";
import type { SeriesPoint } from "@/lib/progress/series-point";
import { useAcceptedFiles } from "@/lib/query/accepted-files";

/** Where a figure or chart comes from, said next to it: publisher and licence, accepted file, or ILLUSTRATIVE. */
export function SourceLine({
  indicatorId,
  points,
}: {
  indicatorId: string;
  points: readonly SeriesPoint[];
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const accepted = useAcceptedFiles();
  const observed = points.filter((p) => p.value !== null || p.obs_status === "censored");
  const list = seriesProvenance(observed, bundledSources, (period) =>
    accepted(indicatorId, period),
  );
  if (list.length === 0) return null;
  return (
    <p className="source-line" data-provenance={list.map((p) => p.kind).join(" ")}>
      <span className="source-line__label">{t("source.label")}:</span>{" "}
      {list.map((p, i) => (
        <span
          key={`${p.kind}-${i}`}
          className={p.kind === "illustrative" ? "source-line__illustrative" : undefined}
        >
          {i > 0 ? "; " : ""}
          {describeProvenance(p, t, language)}
        </span>
      ))}
    </p>
  );
}
