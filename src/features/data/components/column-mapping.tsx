import { useTranslation } from "react-i18next";
import { type ObservationColumn, observationColumns } from "@/lib/observations/columns";
import type { InspectChoices } from "../api/use-inspection";
import { useRememberedMapping } from "../api/use-remembered-mapping";
import { IndicatorPicker } from "./indicator-picker";

interface ColumnMappingProps {
  header: readonly string[];
  columns: readonly (ObservationColumn | null)[];
  sheets: readonly string[];
  sheet: string | null;
  choices: InspectChoices;
  onChange: (choices: InspectChoices) => void;
}

/**
 * Lets the officer say what each column is (by its Spanish name, the code beside it), pick the
 * sheet, and set an indicator for the whole file; the choice is remembered for files with the
 * same header and applied to the next one, which the view says, with a way to forget it.
 */
export function ColumnMapping({
  header,
  columns,
  sheets,
  sheet,
  choices,
  onChange,
}: ColumnMappingProps) {
  const { t } = useTranslation();
  const { memory, change, forget } = useRememberedMapping(header, choices, onChange);
  const hasIndicator =
    columns.includes("indicator_id") || choices.constants?.indicator_id !== undefined;
  return (
    <section aria-labelledby="mapping-heading" className="panel">
      <h2 id="mapping-heading">{t("data.mapping")}</h2>
      <p role="status" data-remembered-mapping={memory}>
        {memory !== "none" && (
          <>
            {t(memory === "applied" ? "data.mappingApplied" : "data.mappingRemembered")}{" "}
            <button type="button" onClick={forget}>
              {t("data.forgetMapping")}
            </button>
          </>
        )}
      </p>
      {sheets.length > 1 && (
        <p>
          <label>
            {t("data.sheet")}{" "}
            <select
              value={sheet ?? ""}
              onChange={(e) => onChange({ ...choices, sheet: e.target.value })}
            >
              {sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        </p>
      )}
      <IndicatorPicker
        // A new view when the choice changes from outside (remembered, forgotten).
        key={choices.constants?.indicator_id ?? ""}
        value={choices.constants?.indicator_id}
        fileHasIndicator={hasIndicator}
        onPick={(indicatorId) => {
          const { indicator_id: _previous, ...others } = choices.constants ?? {};
          change({
            ...choices,
            constants: indicatorId ? { ...others, indicator_id: indicatorId } : others,
          });
        }}
      />
      <div className="table-scroll">
        <table className="data-table mapping-table">
          <caption>{t("data.mappingCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("data.fileColumn")}</th>
              <th scope="col">{t("data.meaning")}</th>
            </tr>
          </thead>
          <tbody>
            {header.map((name, index) => (
              <tr
                // biome-ignore lint/suspicious/noArrayIndexKey: header cells are positional; names can repeat or be blank
                key={`${index}-${name}`}
                className={columns[index] === null ? "unmapped" : undefined}
              >
                <th scope="row">{name || `(${index + 1})`}</th>
                <td>
                  <select
                    aria-label={t("data.meaningOf", { column: name || index + 1 })}
                    value={columns[index] ?? ""}
                    onChange={(e) =>
                      change({
                        ...choices,
                        mapping: {
                          ...choices.mapping,
                          [index]:
                            e.target.value === "" ? null : (e.target.value as ObservationColumn),
                        },
                      })
                    }
                  >
                    <option value="">{t("data.ignore")}</option>
                    {observationColumns.map((c) => (
                      <option key={c} value={c}>
                        {t(`columns.${c}`)} ({c})
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
