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
  const { language, local } = useLanguage();
  const objective = catalog.gcmObjectives.find((o) => String(o.number) === number);
  if (!objective) return <NotInCatalog id={number} />;
  const commitments = commitmentsOfObjective(catalog, objective.number);
  return (
    <LensPage
      kicker={t("catalog.objectiveKicker", { number: objective.number })}
      title={local(objective.title)}
      intro={
        objective.titleSources && (
          <p className="muted" data-title-verified={objective.titleSources[language].verified}>
            {objective.titleSources[language].verified
              ? t("catalog.titleVerified")
              : t("catalog.titleNotVerified")}{" "}
            {objective.titleSources[language].label}
            {objective.titleSources[language].url
              ? ` (${objective.titleSources[language].url})`
              : ""}
          </p>
        )
      }
      commitments={commitments}
      indicators={indicatorsOfCommitments(catalog, commitments)}
    />
  );
}
