import { useTranslation } from "react-i18next";
import type { RollUp } from "@/lib/progress/indicator-status";
import { StatusBadge } from "./status-badge";

/** An aggregate status with the counts behind it, always shown together. */
export function RollUpBadge({ roll }: { roll: RollUp }) {
  const { t } = useTranslation();
  return (
    <p className="roll-up" data-roll-up={roll.status}>
      <StatusBadge status={roll.status} />{" "}
      <span className="muted">
        {t("progress.withData", { withData: roll.withData, total: roll.total })}
        {roll.score === null ? "" : ` · ${t("progress.score", { score: roll.score })}`}
      </span>
    </p>
  );
}
