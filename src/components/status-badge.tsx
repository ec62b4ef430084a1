import { useTranslation } from "react-i18next";
import type { Status } from "@/lib/progress/progress-input";

/** A shape as well as a colour, so status never depends on colour alone. */
export const statusSymbols: Record<Status, string> = {
  target_met: "★",
  on_track: "▲",
  acceleration_needed: "◆",
  limited: "▽",
  moving_away: "▼",
  trend_improving: "↑",
  trend_slow: "↗",
  trend_flat: "→",
  trend_worsening: "↘",
  not_enough_data: "…",
  insufficient_data: "?",
  context: "●",
  milestone_adopted: "✔",
  milestone_in_progress: "◔",
  milestone_not_started: "○",
};

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <span className={`status status--${status}`} data-status={status}>
      <span aria-hidden="true" className="status__symbol">
        {statusSymbols[status]}
      </span>
      {t(`status.${status}`)}
    </span>
  );
}
