import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CoverageSummary } from "@/components/coverage-summary";
import { IndicatorList } from "@/components/indicator-list";
import { RollUpBadge } from "@/components/roll-up-badge";
import type { Commitment, Indicator, PopulationGroup } from "@/lib/catalog/schema";
import { useLanguage } from "@/lib/i18n/use-language";
import { rollUp } from "@/lib/progress/indicator-status";
import { useStatuses } from "@/lib/query/statuses";
import { CommitmentList } from "./commitment-list";

interface LensPageProps {
  title: string;
  kicker: string;
  intro?: ReactNode;
  commitments: readonly Commitment[];
  indicators: readonly Indicator[];
  /** Query string of the printable brief for this scope, e.g. `theme=theme-3`. */
  brief?: string;
  /** A population group's page reads every indicator through the group's own breakdown. */
  group?: PopulationGroup;
}

/** A theme, population group or GCM objective: its commitments (with quotes), then its indicators. */
export function LensPage({
  title,
  kicker,
  intro,
  commitments,
  indicators,
  brief,
  group,
}: LensPageProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { statuses, headlines } = useStatuses(indicators, { group });
  return (
    <div className="page">
      <p>
        <Link to={`/${language}/catalog`}>{t("catalog.back")}</Link>
      </p>
      <p className="kicker">{kicker}</p>
      <h1>{title}</h1>
      {statuses && (
        <RollUpBadge roll={rollUp(indicators.flatMap((i) => statuses.get(i.id) ?? []))} />
      )}
      {intro}
      {headlines.data && (
        <CoverageSummary
          indicators={indicators.filter((i) => !headlines.without.includes(i))}
          series={headlines.data}
        />
      )}
      {brief && (
        <p>
          <Link to={`/${language}/brief?${brief}`}>{t("brief.print")}</Link>
        </p>
      )}
      <section aria-labelledby="lens-indicators">
        <h2 id="lens-indicators">{t("catalog.indicatorCount", { count: indicators.length })}</h2>
        <IndicatorList indicators={indicators} caption={title} group={group} />
      </section>
      <section aria-labelledby="lens-commitments">
        <h2 id="lens-commitments">{t("catalog.commitmentCount", { count: commitments.length })}</h2>
        <CommitmentList commitments={commitments} />
      </section>
    </div>
  );
}
