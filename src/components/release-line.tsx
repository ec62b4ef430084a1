import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { useReadyEngine } from "@/lib/query/engine-status";

/** Which published release the dashboard shows, with a link to what changed in it. */
export function ReleaseLine() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const ready = useReadyEngine();
  if (!ready) return null;
  const { release } = ready;
  return (
    <p className="release-line" data-release={release?.version ?? "build"}>
      {release ? (
        <>
          {t("releases.showing", {
            version: release.version,
            date: formatDate(new Date(release.date), language, "long"),
          })}{" "}
          <Link to={`/${language}/releases/${release.version}`}>{t("releases.whatChanged")}</Link>
        </>
      ) : (
        t("releases.buildData")
      )}
    </p>
  );
}
