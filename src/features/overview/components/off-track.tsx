import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { StatusBadge } from "@/components/status-badge";
import { WhyPanel } from "@/components/why-panel";
import { catalog } from "@/lib/catalog/bundled-catalog";
import { useLanguage } from "@/lib/i18n/use-language";
import type { IndicatorStatus } from "@/lib/progress/indicator-status";

/** Indicators moving away or making limited progress, worst first. */
export function OffTrack({ statuses }: { statuses: Map<string, IndicatorStatus> }) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const worst = catalog.indicators
    .flatMap((i) => {
      const s = statuses.get(i.id);
      return s && (s.result.status === "moving_away" || s.result.status === "limited")
        ? [{ indicator: i, status: s }]
        : [];
    })
    .sort((a, b) => (a.status.result.score ?? 0) - (b.status.result.score ?? 0));
  return (
    <section aria-labelledby="off-track-heading" className="panel">
      <h2 id="off-track-heading">{t("progress.offTrack")}</h2>
      {worst.length === 0 ? (
        <p>{t("progress.offTrackNone")}</p>
      ) : (
        <ol className="off-track">
          {worst.map(({ indicator, status }) => (
            <li key={indicator.id} data-off-track={indicator.id}>
              <Link to={`/${language}/indicators/${indicator.id}`}>{local(indicator.title)}</Link>{" "}
              <StatusBadge status={status.result.status} />
              <WhyPanel indicator={indicator} status={status} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
