import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatMoney } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { useFunding } from "@/lib/query/funding";

/** Who funds a commitment and how much, in each currency. */
export function Funders({ commitmentId }: { commitmentId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const funding = useFunding();
  const lines = (funding.data?.lines ?? []).filter((l) => l.commitment_id === commitmentId);
  const money = (value: number, currency: string) => formatMoney(value, currency, language);
  return (
    <section aria-labelledby="funders-heading">
      <h2 id="funders-heading">{t("donors.fundedBy")}</h2>
      {lines.length === 0 ? (
        <p>{t("donors.notFunded")}</p>
      ) : (
        <ul data-funders={commitmentId}>
          {lines.map((l) => (
            <li key={`${l.donor}-${l.currency}`}>
              <Link to={`/${language}/donors?donor=${encodeURIComponent(l.donor)}`}>{l.donor}</Link>
              : {t("donors.committed")} {money(l.committed, l.currency)},{" "}
              {t("donors.disbursed").toLowerCase()} {money(l.disbursed, l.currency)} (
              {l.first_period}–{l.last_period})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
