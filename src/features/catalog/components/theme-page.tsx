import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { catalog } from "@/lib/catalog/bundled-catalog";
import { commitmentsOfTheme, indicatorsOfCommitments } from "@/lib/catalog/catalog-queries";
import { useLanguage } from "@/lib/i18n/use-language";
import { LensPage } from "./lens-page";
import { NotInCatalog } from "./not-in-catalog";

export function ThemePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { local } = useLanguage();
  const theme = catalog.themes.find((th) => th.id === id);
  if (!theme) return <NotInCatalog id={id} />;
  const commitments = commitmentsOfTheme(catalog, theme.id);
  return (
    <LensPage
      brief={`theme=${theme.id}`}
      kicker={t(`catalog.themeKind.${theme.kind}`, { number: theme.number })}
      title={local(theme.title)}
      commitments={commitments}
      indicators={indicatorsOfCommitments(catalog, commitments)}
    />
  );
}
