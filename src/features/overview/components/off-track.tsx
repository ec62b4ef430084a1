import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { StatusBadge } from "@/components/status-badge";
import { WhyPanel } from "@/components/why-panel";
import { catalog } from "@/lib/catalog/bundled-catalog";
import { useLanguage } from "@/lib/i18n/use-language";
import type { IndicatorStatus } from "@/lib/progress/indicator-status";
import type { Status } from "@/lib/progress/progress-input";

const offTrack = new Set<Status>(["moving_away", "limited", "trend_worsening"]);

/** Indicators moving away, making limited progress or (without a target) worsening, worst first. */
export function OffTrack({ statuses }: { statuses: Map<string, IndicatorStatus> }) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const worst = catalog.indicators
    .flatMap((i) => {
      const s = statuses.get(i.id);
      return s && offTrack.has(s.result.status) ? [{ indicator: i, status: s }] : [];
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
