import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Indicator } from "@/lib/catalog/schema";
import { embedPath } from "@/lib/embed/embed-path";
import { iframeCode } from "@/lib/embed/iframe-code";
import { useLanguage } from "@/lib/i18n/use-language";
import { demoOn } from "@/lib/published/demo-mode";

/** Room for the embed view's title, status, chart, a scrolling table, source and link. */
const embedSize = { width: 640, height: 760 };

/** The iframe code that puts this indicator on another site's page, to copy. */
export function EmbedCode({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [outcome, setOutcome] = useState<"copied" | "selectedToCopy" | null>(null);
  const origin = globalThis.location.origin;
  const code = iframeCode({
    origin,
    language,
    indicatorId: indicator.id,
    title: local(indicator.title),
    ...embedSize,
  });

  const copy = async () => {
    try {
      // Missing outside a secure context (plain http on another host), refused without permission.
      if (!navigator.clipboard) throw new Error("Clipboard API unavailable");
      await navigator.clipboard.writeText(code);
      setOutcome("copied");
    } catch {
      field.current?.focus();
      field.current?.select();
      setOutcome("selectedToCopy");
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="panel embed-code no-print">
      <h2 id={`${id}-heading`}>{t("embed.codeHeading")}</h2>
      <p>{t("embed.codeIntro")}</p>
      <label htmlFor={`${id}-code`} className="embed-code__label">
        {t("embed.codeLabel")}
      </label>
      <textarea
        ref={field}
        id={`${id}-code`}
        className="embed-code__field"
        readOnly
        rows={3}
        value={code}
        spellCheck={false}
        onFocus={(event) => event.currentTarget.select()}
        data-iframe-code
      />
      <p className="embed-code__actions">
        <button type="button" onClick={() => void copy()}>
          {t("embed.copy")}
        </button>{" "}
        <output aria-live="polite" data-copy-outcome={outcome ?? undefined}>
          {outcome ? t(`embed.${outcome}`) : ""}
        </output>
      </p>
      <p className="muted">
        {t("embed.hostPolicy", { origin })}
        {demoOn ? ` ${t("embed.demoNote")}` : ""}
      </p>
      <p>
        <a href={`${origin}${embedPath(language, indicator.id)}`} target="_blank" rel="noopener">
          {t("embed.preview")}
          <span className="visually-hidden"> {t("embed.newTab")}</span>
        </a>
      </p>
    </section>
  );
}
