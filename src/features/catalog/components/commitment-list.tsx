import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ReportQuote } from "@/components/report-quote";
import { RollUpBadge } from "@/components/roll-up-badge";
import { catalog } from "@/lib/catalog/bundled-catalog";
import type { Commitment } from "@/lib/catalog/schema";
import { sectionTitle } from "@/lib/catalog/section-title";
import { useLanguage } from "@/lib/i18n/use-language";
import { rollUp } from "@/lib/progress/indicator-status";
import { useStatuses } from "@/lib/query/statuses";
import { LinkList } from "./link-list";

/** Commitments with the report sentence each comes from, and the indicators that measure it. */
export function CommitmentList({ commitments }: { commitments: readonly Commitment[] }) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const { statuses } = useStatuses(catalog.indicators);
  if (commitments.length === 0) return <p>{t("catalog.noCommitments")}</p>;
  return (
    <ol className="commitment-list">
      {commitments.map((c) => {
        const indicators = catalog.indicators.filter((i) => i.commitments.includes(c.id));
        return (
          <li key={c.id} className="commitment-item" data-commitment={c.id}>
            <h3>
              <Link to={`/${language}/commitments/${c.id}`}>{local(c.title)}</Link>
            </h3>
            {statuses && (
              <RollUpBadge roll={rollUp(indicators.flatMap((i) => statuses.get(i.id) ?? []))} />
            )}
            <ReportQuote quote={c.quote}>
              <Link to={`/${language}/report#${c.id}`}>
                {t("catalog.inReport", {
                  section: sectionTitle(catalog, c.section, language) ?? t("report.heading"),
                })}
              </Link>
            </ReportQuote>
            <p className="commitment-item__measures">
              {t("catalog.measuredBy")}{" "}
              <LinkList
                links={indicators.map((i) => ({
                  key: i.id,
                  to: `/${language}/indicators/${i.id}`,
                  label: local(i.title),
                }))}
              />
            </p>
          </li>
        );
      })}
    </ol>
  );
}
