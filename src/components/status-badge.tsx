import { useTranslation } from "react-i18next";
import type { SimpleStatus } from "@/lib/progress/simple-status";

/** A shape as well as a colour, so status never depends on colour alone. */
const symbols: Record<SimpleStatus, string> = {
  target_met: "★",
  improving: "▲",
  worsening: "▼",
  no_change: "■",
  context: "●",
  insufficient_data: "?",
};

export function StatusBadge({ status }: { status: SimpleStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status status--${status}`} data-status={status}>
      <span aria-hidden="true" className="status__symbol">
        {symbols[status]}
      </span>
      {t(`status.${status}`)}
    </span>
  );
}
