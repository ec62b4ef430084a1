import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { StatusBadge } from "@/components/status-badge";
import { WhyPanel } from "@/components/why-panel";
import { catalog } from "@/lib/catalog/bundled-catalog";
import {
  commitmentsOfTheme,
  indicatorsOfCommitments,
  indicatorsOfGroup,
} from "@/lib/catalog/catalog-queries";
import type { Indicator } from "@/lib/catalog/schema";
import { useLanguage } from "@/lib/i18n/use-language";
import { type IndicatorStatus, rollUp } from "@/lib/progress/indicator-status";

const allGroups = "all";

/** Themes × population groups, each cell the mean score of the indicators in both, with counts. */
export function StatusMatrix({ statuses }: { statuses: Map<string, IndicatorStatus> }) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const [open, setOpen] = useState<{ theme: string; group: string } | null>(null);
  const groups = [
    ...catalog.populationGroups.map((g) => ({
      id: g.id,
      title: local(g.title),
      indicators: new Set(indicatorsOfGroup(catalog, g).map((i) => i.id)),
    })),
  ];
  const cell = (themeIndicators: Indicator[], groupId: string) => {
    const members =
      groupId === allGroups
        ? themeIndicators
        : themeIndicators.filter((i) => groups.find((g) => g.id === groupId)?.indicators.has(i.id));
    return { members, roll: rollUp(members.flatMap((i) => statuses.get(i.id) ?? [])) };
  };
  const themes = catalog.themes.map((theme) => ({
    theme,
    indicators: indicatorsOfCommitments(catalog, commitmentsOfTheme(catalog, theme.id)),
  }));
  const selected = open ? themes.find((x) => x.theme.id === open.theme) : undefined;
  const selectedCell = selected && open ? cell(selected.indicators, open.group) : undefined;

  return (
    <section aria-labelledby="matrix-heading" className="panel">
      <h2 id="matrix-heading">{t("progress.matrix")}</h2>
      <p id="matrix-caption" className="matrix__caption">
        {t("progress.matrixCaption")}
      </p>
      {/* Scrolls both ways inside its own box, so the sticky theme and group headers stay in view. */}
      <section
        className="matrix-scroll"
        // A scrolling region must be reachable by keyboard (WCAG 2.1.1).
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the region scrolls, so it takes focus
        tabIndex={0}
        aria-label={t("progress.matrixScroll")}
        aria-describedby="matrix-caption"
      >
        <table className="data-table matrix" aria-describedby="matrix-caption">
          <caption className="visually-hidden">{t("progress.matrix")}</caption>
          <thead>
            <tr>
              <th scope="col" className="matrix__corner">
                {t("catalog.themes")}
              </th>
              <th scope="col" className="matrix__group">
                {t("progress.allGroups")}
              </th>
              {groups.map((g) => (
                <th key={g.id} scope="col" className="matrix__group">
                  <Link to={`/${language}/groups/${g.id}`}>{g.title}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {themes.map(({ theme, indicators }) => (
              <tr key={theme.id}>
                <th scope="row" className="matrix__theme">
                  <Link to={`/${language}/themes/${theme.id}`}>{local(theme.title)}</Link>
                </th>
                {[allGroups, ...groups.map((g) => g.id)].map((groupId) => {
                  const { members, roll } = cell(indicators, groupId);
                  const isOpen = open?.theme === theme.id && open.group === groupId;
                  return (
                    <td
                      key={groupId}
                      data-cell={`${theme.id}:${groupId}`}
                      data-status={roll.status}
                    >
                      {members.length === 0 ? (
                        <span className="muted">{t("progress.noIndicatorsCell")}</span>
                      ) : (
                        <button
                          type="button"
                          className="matrix__cell"
                          aria-expanded={isOpen}
                          aria-controls="matrix-detail"
                          onClick={() =>
                            setOpen(isOpen ? null : { theme: theme.id, group: groupId })
                          }
                        >
                          <StatusBadge status={roll.status} />
                          <span className="muted">
                            {" "}
                            ({roll.withData}/{roll.total})
                          </span>
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div id="matrix-detail" aria-live="polite">
        {selected && selectedCell && open && (
          <div className="matrix__detail">
            <h3>
              {t("progress.cellDetail", {
                theme: local(selected.theme.title),
                group:
                  open.group === allGroups
                    ? t("progress.allGroups")
                    : (groups.find((g) => g.id === open.group)?.title ?? ""),
                withData: selectedCell.roll.withData,
                total: selectedCell.roll.total,
              })}
            </h3>
            <ul>
              {selectedCell.members
                .filter((i) => statuses.get(i.id)?.hasData)
                .map((i) => {
                  const s = statuses.get(i.id);
                  return s ? (
                    <li key={i.id}>
                      <Link to={`/${language}/indicators/${i.id}`}>{local(i.title)}</Link>{" "}
                      <StatusBadge status={s.result.status} />
                      <WhyPanel indicator={i} status={s} />
                    </li>
                  ) : null;
                })}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
