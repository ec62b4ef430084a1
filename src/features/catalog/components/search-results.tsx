import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { catalog } from "@/lib/catalog/bundled-catalog";
import { searchCatalog } from "@/lib/catalog/search-catalog";
import { useLanguage } from "@/lib/i18n/use-language";

export function SearchResults({ query }: { query: string }) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const hits = useMemo(() => searchCatalog(catalog, query), [query]);
  return (
    <section aria-labelledby="results-heading" className="panel">
      <h2 id="results-heading" aria-live="polite">
        {t("catalog.results", { count: hits.length, query })}
      </h2>
      <ul className="search-results">
        {hits.map((hit) => (
          <li key={`${hit.kind}-${hit.id}`}>
            <span className="tag">{t(`catalog.kind.${hit.kind}`)}</span>{" "}
            <Link
              to={`/${language}/${hit.kind === "indicator" ? "indicators" : "commitments"}/${hit.id}`}
            >
              {local(hit.title)}
            </Link>
            <p className="muted">{hit.excerpt}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
