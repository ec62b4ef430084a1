import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A commitment's sentence from the consultation report. Only the report's English text is
 * available, so the quote is marked English (screen readers pronounce it as such) and the caption
 * says so in the reader's language; `children` follows the caption (e.g. a link to the report).
 */
export function ReportQuote({
  quote,
  large = false,
  children,
}: {
  quote: string;
  large?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <figure className="report-quote">
      <blockquote lang="en" className={large ? "quote" : undefined}>
        “{quote}”
      </blockquote>
      <figcaption>
        {t("catalog.quoteSource")}
        {children ? <> · {children}</> : null}
      </figcaption>
    </figure>
  );
}
