import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { catalog } from "@/lib/catalog/bundled-catalog";
import { commitmentsOfGroup, indicatorsOfGroup } from "@/lib/catalog/catalog-queries";
import { useLanguage } from "@/lib/i18n/use-language";
import { LensPage } from "./lens-page";
import { NotInCatalog } from "./not-in-catalog";

/** A population group across every theme. */
export function GroupPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { local } = useLanguage();
  const group = catalog.populationGroups.find((g) => g.id === id);
  if (!group) return <NotInCatalog id={id} />;
  const dimension = group.dimension
    ? catalog.dimensions.find((d) => d.id === group.dimension?.name)
    : undefined;
  return (
    <LensPage
      brief={`group=${group.id}`}
      kicker={t("catalog.groupKicker")}
      title={local(group.title)}
      intro={
        group.dimension && dimension ? (
          <p className="lead">
            {t("catalog.groupDimension", {
              dimension: local(dimension.title),
              code: group.dimension.code,
            })}
            {dimension.definition ? ` ${local(dimension.definition)}` : ""}
          </p>
        ) : (
          <p className="lead">{t("catalog.groupNoDimension")}</p>
        )
      }
      commitments={commitmentsOfGroup(catalog, group.id)}
      indicators={indicatorsOfGroup(catalog, group)}
    />
  );
}
