import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { catalog } from "@/lib/catalog/bundled-catalog";
import { commitmentsOfObjective, indicatorsOfCommitments } from "@/lib/catalog/catalog-queries";
import { useLanguage } from "@/lib/i18n/use-language";
import { LensPage } from "./lens-page";
import { NotInCatalog } from "./not-in-catalog";

export function ObjectivePage() {
  const { number = "" } = useParams();
  const { t } = useTranslation();
  const { local } = useLanguage();
  const objective = catalog.gcmObjectives.find((o) => String(o.number) === number);
  if (!objective) return <NotInCatalog id={number} />;
  const commitments = commitmentsOfObjective(catalog, objective.number);
  return (
    <LensPage
      kicker={t("catalog.objectiveKicker", { number: objective.number })}
      title={local(objective.title)}
      commitments={commitments}
      indicators={indicatorsOfCommitments(catalog, commitments)}
    />
  );
}
