import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { useReleases } from "../api/get-releases";

/** Every approved release, newest first, each with a link to what changed in it. */
export function ReleasesPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const releases = useReleases();
  const list = [...(releases.data?.releases ?? [])].reverse();
  return (
    <div className="page">
      <h1>{t("releases.heading")}</h1>
      <p className="lead">{t("releases.intro")}</p>
      {releases.isPending ? (
        <p aria-busy="true">{t("engine.loading")}</p>
      ) : list.length === 0 ? (
        <p>{t("releases.buildData")}</p>
      ) : (
        <ul className="release-list">
          {list.map((r, i) => (
            <li key={r.version} data-release-item={r.version}>
              <Link to={`/${language}/releases/${r.version}`}>{r.version}</Link> ·{" "}
              {formatDate(new Date(r.date), language, "long")}
              {i === 0 && ` (${t("releases.current")})`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
