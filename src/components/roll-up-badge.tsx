import { useTranslation } from "react-i18next";
import type { RollUp } from "@/lib/progress/indicator-status";
import { StatusBadge } from "./status-badge";

/**
 * An aggregate status with the coverage behind it, printed as large as the status: a colour
 * only when enough indicators have a status (`enoughCoverage`), otherwise "not enough data".
 */
export function RollUpBadge({ roll }: { roll: RollUp }) {
  const { t } = useTranslation();
  return (
    <div className="roll-up" data-roll-up={roll.status}>
      <StatusBadge status={roll.status} />
      <p className="roll-up__coverage">
        {t("progress.scoredOf", { scored: roll.scored, judgeable: roll.judgeable })}{" "}
        <span className="roll-up__detail">
          {t("progress.withData", { withData: roll.withData, total: roll.total })}
          {roll.score === null || !roll.enough
            ? ""
            : ` · ${t("progress.score", { score: roll.score })}`}
        </span>
      </p>
      {!roll.enough && roll.scored > 0 && (
        <p className="roll-up__rule">{t("progress.coverageRule")}</p>
      )}
    </div>
  );
}
