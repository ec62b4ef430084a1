import { useTranslation } from "react-i18next";
import { catalog } from "@/lib/catalog/bundled-catalog";
import { useLanguage } from "@/lib/i18n/use-language";
import { type ObservationColumn, observationColumns } from "@/lib/observations/columns";
import type { InspectChoices } from "../api/use-inspection";

interface ColumnMappingProps {
  header: readonly string[];
  columns: readonly (ObservationColumn | null)[];
  sheets: readonly string[];
  sheet: string | null;
  choices: InspectChoices;
  onChange: (choices: InspectChoices) => void;
}

/** Lets the officer say what each column is, pick the sheet, and set an indicator for the whole file. */
export function ColumnMapping({
  header,
  columns,
  sheets,
  sheet,
  choices,
  onChange,
}: ColumnMappingProps) {
  const { t } = useTranslation();
  const { local } = useLanguage();
  const hasIndicator =
    columns.includes("indicator_id") || choices.constants?.indicator_id !== undefined;
  return (
    <section aria-labelledby="mapping-heading" className="panel">
      <h2 id="mapping-heading">{t("data.mapping")}</h2>
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
      <p>
        <label>
          {t("data.indicatorForAll")}{" "}
          <select
            value={choices.constants?.indicator_id ?? ""}
            onChange={(e) => {
              const { indicator_id: _previous, ...others } = choices.constants ?? {};
              onChange({
                ...choices,
                constants: e.target.value ? { ...others, indicator_id: e.target.value } : others,
              });
            }}
          >
            <option value="">
              {hasIndicator ? t("data.fromFile") : t("data.chooseIndicator")}
            </option>
            {catalog.indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {local(i.title)} ({i.id})
              </option>
            ))}
          </select>
        </label>
      </p>
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
                      onChange({
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
                        {c}
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
