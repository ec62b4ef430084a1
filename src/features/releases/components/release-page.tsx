import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ChangeList } from "@/components/change-list";
import { findIndicator } from "@/lib/catalog/bundled-catalog";
import { formatDate } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import type { Person } from "@/lib/releases/release-formats";
import { releaseFiles } from "@/lib/releases/release-paths";
import { useRelease } from "../api/get-releases";

function Step({ label, person }: { label: string; person: Person }) {
  const { language } = useLanguage();
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {person.name} · {person.role} · {formatDate(new Date(person.at), language, "long")}
      </dd>
    </div>
  );
}

/** One release: who prepared and approved it, what changed (old → new), and its downloads. */
export function ReleasePage() {
  const { version = "" } = useParams();
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const query = useRelease(version);
  if (query.isPending) return <p aria-busy="true">{t("engine.loading")}</p>;
  if (query.isError)
    return <p role="alert">{t("release.unreadable", { message: query.error.message })}</p>;
  if (!query.data) return <p>{t("release.notFound", { version })}</p>;
  const { release, changes } = query.data;
  const { manifest } = release;
  const file = (path: string) => release.url(path);
  return (
    <div className="page" data-release-page={manifest.version}>
      <p>
        <Link to={`/${language}/releases`}>{t("release.back")}</Link>
      </p>
      <p className="kicker">{t("release.kicker")}</p>
      <h1>{t("release.heading", { version: manifest.version })}</h1>
      <dl className="facts">
        <div>
          <dt>{t("release.date")}</dt>
          <dd>{formatDate(new Date(manifest.date), language, "long")}</dd>
        </div>
        <Step label={t("release.preparedBy")} person={manifest.preparedBy} />
        <Step label={t("release.approvedBy")} person={manifest.approvedBy} />
        <div>
          <dt>{t("release.previous")}</dt>
          <dd>{manifest.previous ?? t("release.first")}</dd>
        </div>
      </dl>
      <p className="muted">{t("approval.guarantees")}</p>
      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">{t("release.changes")}</h2>
        <ChangeList changes={changes} />
      </section>
      <section aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">{t("release.downloads")}</h2>
        <p>
          <a href={file(releaseFiles.wholeRelease(manifest.version))} download>
            {t("release.wholeRelease")}
          </a>{" "}
          ·{" "}
          <a href={file(releaseFiles.catalog)} download>
            {t("release.catalog")}
          </a>{" "}
          ·{" "}
          <a href={file(releaseFiles.manifest)} download>
            {t("release.manifest")}
          </a>
        </p>
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("release.perIndicator")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("catalog.indicator")}</th>
                <th scope="col">{t("release.formats")}</th>
              </tr>
            </thead>
            <tbody>
              {manifest.indicators.map((id) => {
                const indicator = findIndicator(id);
                return (
                  <tr key={id} data-download={id}>
                    <th scope="row">{indicator ? local(indicator.title) : id}</th>
                    <td>
                      {(["csv", "xlsx", "json"] as const).map((format, i) => (
                        <span key={format}>
                          {i > 0 ? " · " : ""}
                          <a href={file(releaseFiles.indicator(id, format))} download>
                            {format.toUpperCase()}
                          </a>
                        </span>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
