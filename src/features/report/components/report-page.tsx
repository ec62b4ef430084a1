import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { catalog } from "@/lib/catalog/bundled-catalog";
import { locateQuotes } from "@/lib/catalog/report-structure";
import { useLanguage } from "@/lib/i18n/use-language";
import report from "../../../../indicators/report/gcm-honduras-national-consultation.txt?raw";
import { highlightSegments } from "./highlight-segments";

/** The consultation report itself, every commitment's sentence highlighted and linked to it. */
export default function ReportPage() {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const { hash } = useLocation();
  const segments = useMemo(
    () => highlightSegments(report, locateQuotes(report, catalog.commitments)),
    [],
  );
  const titles = new Map(catalog.commitments.map((c) => [c.id, c.title]));
  const anchored = new Set<string>();

  useEffect(() => {
    const target = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (target) {
      target.scrollIntoView({ block: "center" });
      target.focus();
    }
  }, [hash]);

  return (
    <div className="page">
      <h1>{t("report.heading")}</h1>
      <p className="lead">{t("report.intro")}</p>
      <div className="report" lang="en">
        {segments.map((segment) => {
          if (segment.commitments.length === 0)
            return <span key={segment.start}>{segment.text}</span>;
          const starting = segment.commitments.filter((id) => !anchored.has(id));
          for (const id of starting) anchored.add(id);
          const label = segment.commitments
            .map((id) => local(titles.get(id) ?? { es: id, en: id }))
            .join(" · ");
          const targeted = segment.commitments.some((id) => hash === `#${id}`);
          return (
            <span key={segment.start}>
              {starting.map((id) => (
                <span key={id} id={id} tabIndex={-1} className="report__anchor" />
              ))}
              <Link
                className={`report__quote${targeted ? " report__quote--target" : ""}`}
                to={`/${language}/commitments/${segment.commitments[0]}`}
                title={label}
              >
                {segment.text}
              </Link>
            </span>
          );
        })}
      </div>
    </div>
  );
}
