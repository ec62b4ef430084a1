import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { IndicatorList } from "@/components/indicator-list";
import { ReportQuote } from "@/components/report-quote";
import { catalog, findCommitment } from "@/lib/catalog/bundled-catalog";
import { sectionTitle } from "@/lib/catalog/section-title";
import { useLanguage } from "@/lib/i18n/use-language";
import { Funders } from "./funders";
import { LinkList } from "./link-list";
import { NotInCatalog } from "./not-in-catalog";

/** One commitment: the report's words, where they sit, what they serve, and how they are measured. */
export function CommitmentPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const commitment = findCommitment(id);
  if (!commitment) return <NotInCatalog id={id} />;
  const indicators = catalog.indicators.filter((i) => i.commitments.includes(commitment.id));
  const themes = catalog.themes.filter((th) => commitment.themes.includes(th.id));
  const groups = catalog.populationGroups.filter((g) => commitment.populationGroups.includes(g.id));
  const objectives = catalog.gcmObjectives.filter((o) =>
    commitment.gcmObjectives.includes(o.number),
  );
  return (
    <div className="page">
      <p>
        <Link to={`/${language}/catalog`}>{t("catalog.back")}</Link>
      </p>
      <p className="kicker">
        {t("catalog.commitmentKicker", {
          section: sectionTitle(catalog, commitment.section, language) ?? t("report.heading"),
        })}
      </p>
      <h1>{local(commitment.title)}</h1>
      <ReportQuote quote={commitment.quote} large>
        <Link to={`/${language}/report#${commitment.id}`}>{t("catalog.seeInReport")}</Link>
      </ReportQuote>
      <dl className="facts__list">
        <dt>{t("catalog.themes")}</dt>
        <dd>
          <LinkList
            links={themes.map((th) => ({
              key: th.id,
              to: `/${language}/themes/${th.id}`,
              label: local(th.title),
            }))}
          />
        </dd>
        <dt>{t("catalog.groups")}</dt>
        <dd>
          {groups.length === 0 ? (
            t("catalog.allGroups")
          ) : (
            <LinkList
              links={groups.map((g) => ({
                key: g.id,
                to: `/${language}/groups/${g.id}`,
                label: local(g.title),
              }))}
            />
          )}
        </dd>
        <dt>{t("catalog.objectives")}</dt>
        <dd>
          <LinkList
            links={objectives.map((o) => ({
              key: String(o.number),
              to: `/${language}/objectives/${o.number}`,
              label: `${o.number}. ${local(o.title)}`,
            }))}
          />
        </dd>
      </dl>
      <h2>{t("catalog.indicatorCount", { count: indicators.length })}</h2>
      <IndicatorList indicators={indicators} caption={local(commitment.title)} />
      <Funders commitmentId={commitment.id} />
    </div>
  );
}
