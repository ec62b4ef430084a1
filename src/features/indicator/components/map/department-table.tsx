import { useTranslation } from "react-i18next";
import type { DepartmentRow } from "@/lib/chart/department-map-model";

/** The map's values as a table: the text alternative, and the keyboard's way to a department. */
export function DepartmentTable({
  rows,
  caption,
  name,
  format,
  selected,
  onSelect,
}: {
  rows: readonly DepartmentRow[];
  caption: string;
  name: (code: string) => string;
  format: (v: number | null) => string;
  selected: string | null;
  onSelect: (code: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table" data-map-table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("map.department")}</th>
            <th scope="col" className="num">
              {t("indicator.value")}
            </th>
            <th scope="col">{t("map.series")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} data-map-row={r.code} data-value={r.value ?? ""}>
              <th scope="row">{name(r.code)}</th>
              <td className="num">{format(r.value)}</td>
              <td>
                <button
                  type="button"
                  aria-pressed={selected === r.code}
                  aria-label={t("map.showSeries", { name: name(r.code) })}
                  onClick={() => onSelect(r.code)}
                >
                  {t("map.series")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
