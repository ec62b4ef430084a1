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
  const breakdowns = group.dimensions.flatMap((gd) => {
    const dimension = catalog.dimensions.find((d) => d.id === gd.name);
    const code = dimension?.codes.find((c) => c.code === gd.code);
    return dimension && code ? [{ dimension, code }] : [];
  });
  return (
    <LensPage
      brief={`group=${group.id}`}
      kicker={t("catalog.groupKicker")}
      title={local(group.title)}
      intro={
        breakdowns.length > 0 ? (
          <p className="lead">
            {breakdowns
              .map(({ dimension, code }) =>
                [
                  t("catalog.groupDimension", {
                    dimension: local(dimension.title),
                    code: local(code.label),
                  }),
                  dimension.definition ? local(dimension.definition) : "",
                ]
                  .filter(Boolean)
                  .join(" "),
              )
              .join(" ")}{" "}
            {t("catalog.groupFigures")}
          </p>
        ) : (
          <p className="lead">{t("catalog.groupNoDimension")}</p>
        )
      }
      group={group}
      commitments={commitmentsOfGroup(catalog, group.id)}
      indicators={indicatorsOfGroup(catalog, group)}
    />
  );
}
