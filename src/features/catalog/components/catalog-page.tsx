import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { z } from "zod";
import { catalog } from "@/lib/catalog/bundled-catalog";
import {
  commitmentsOfGroup,
  commitmentsOfObjective,
  commitmentsOfTheme,
  indicatorsOfGroup,
} from "@/lib/catalog/catalog-queries";
import { useLanguage } from "@/lib/i18n/use-language";
import { useUrlState } from "@/lib/url-state/use-url-state";
import { SearchResults } from "./search-results";

const catalogState = { q: z.string().catch("") };

/** The catalog's front door: search, then themes, population groups and GCM objectives. */
export function CatalogPage() {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const [{ q: query }, setState] = useUrlState(catalogState);

  return (
    <div className="page">
      <h1>{t("catalog.heading")}</h1>
      <p className="lead">
        {t("catalog.intro", {
          commitments: catalog.commitments.length,
          indicators: catalog.indicators.length,
        })}
      </p>
      <search className="search">
        <label htmlFor="catalog-search">{t("catalog.searchLabel")}</label>
        <input
          id="catalog-search"
          type="search"
          value={query}
          placeholder={t("catalog.searchPlaceholder")}
          onChange={(event) => setState({ q: event.target.value })}
        />
      </search>
      {query.trim() !== "" && <SearchResults query={query} />}

      <section aria-labelledby="themes-heading">
        <h2 id="themes-heading">{t("catalog.themes")}</h2>
        <ul className="lens-list">
          {catalog.themes.map((theme) => (
            <li key={theme.id}>
              <Link to={`/${language}/themes/${theme.id}`}>{local(theme.title)}</Link>{" "}
              <span className="muted">
                {t("catalog.commitmentCount", {
                  count: commitmentsOfTheme(catalog, theme.id).length,
                })}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t("catalog.groups")}</h2>
        <ul className="lens-list">
          {catalog.populationGroups.map((group) => (
            <li key={group.id}>
              <Link to={`/${language}/groups/${group.id}`}>{local(group.title)}</Link>{" "}
              <span className="muted">
                {t("catalog.commitmentCount", {
                  count: commitmentsOfGroup(catalog, group.id).length,
                })}{" "}
                · {t("catalog.indicatorCount", { count: indicatorsOfGroup(catalog, group).length })}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="objectives-heading">
        <h2 id="objectives-heading">{t("catalog.objectives")}</h2>
        <ol className="lens-list">
          {catalog.gcmObjectives.map((objective) => (
            <li key={objective.number} value={objective.number}>
              <Link to={`/${language}/objectives/${objective.number}`}>
                {local(objective.title)}
              </Link>{" "}
              <span className="muted">
                {t("catalog.commitmentCount", {
                  count: commitmentsOfObjective(catalog, objective.number).length,
                })}
              </span>
            </li>
          ))}
        </ol>
      </section>
      <p>
        <Link to={`/${language}/report`}>{t("catalog.readReport")}</Link>
      </p>
    </div>
  );
}
