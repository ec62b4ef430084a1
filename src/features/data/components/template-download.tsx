import { useState } from "react";
import { useTranslation } from "react-i18next";
import writeXlsxFile from "write-excel-file/browser";
import { catalog, findIndicator } from "@/lib/catalog/bundled-catalog";
import type { Periodicity } from "@/lib/catalog/schema";
import { download } from "@/lib/download";
import {
  spreadsheetCsv,
  spreadsheetCsvType,
  spreadsheetFileName,
  spreadsheetHeader,
} from "@/lib/format/spreadsheet-csv";
import { useLanguage } from "@/lib/i18n/use-language";
import { lastEndedPeriod, periodicityOrder } from "@/lib/officer-tools/reporting-periods";
import {
  codeListRows,
  periodsOfPeriodicity,
  templateColumns,
  templateRows,
} from "@/lib/officer-tools/template";

/** What the period box accepts for each periodicity: `2025-Q3`, `2025`, `2025-07`. */
const periodPatterns: Record<Periodicity, string> = {
  quarterly: "\\d{4}-Q[1-4]",
  annual: "\\d{4}",
  monthly: "\\d{4}-(0[1-9]|1[0-2])",
};

/**
 * A file to fill in for chosen indicators, with ids, periods and codes already there. Each
 * indicator gets a period of its own periodicity: the quarter for quarterly ones, the year for
 * annual ones (a year is never split into quarters), the month for monthly ones.
 */
export function TemplateDownload() {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const quarterly = catalog.indicators.filter((i) => i.periodicity === "quarterly");
  const [selected, setSelected] = useState<string[]>(quarterly.slice(0, 3).map((i) => i.id));
  const [periods, setPeriods] = useState<Record<Periodicity, string>>(() => {
    const today = new Date();
    return {
      quarterly: lastEndedPeriod("quarterly", today),
      annual: lastEndedPeriod("annual", today),
      monthly: lastEndedPeriod("monthly", today),
    };
  });
  const needed = periodicityOrder.filter((p) =>
    selected.some((id) => findIndicator(id)?.periodicity === p),
  );
  const takesDepartment = selected.some((id) => findIndicator(id)?.disaggregations.department);
  const valid = (p: Periodicity) => periodsOfPeriodicity([periods[p]], p).length === 1;
  const ready = needed.length > 0 && needed.every(valid);
  const chosen = needed.map((p) => periods[p]);
  const rows = () => templateRows(catalog, selected, chosen);
  const name = `plantilla-${chosen.join("_")}`;
  // Headers in the page's language with the code beside them («Sexo (sex)»): the intake reads both.
  const columns = templateColumns.map((code) => ({ label: t(`columns.${code}`), code }));

  const csv = () =>
    download(
      spreadsheetFileName(name),
      spreadsheetCsv(language, columns, rows()),
      spreadsheetCsvType,
    );
  const xlsx = async () => {
    const cell = (value: string) => ({ value });
    const blob = await writeXlsxFile([
      {
        sheet: t("tools.dataSheet"),
        data: [columns.map((c) => cell(spreadsheetHeader(c))), ...rows().map((r) => r.map(cell))],
      },
      {
        sheet: t("tools.codesSheet"),
        data: [
          [
            { label: t("columns.indicator_id"), code: "indicator_id" },
            { label: t("tools.codesDimension"), code: "dimension" },
            { label: t("tools.codesCode"), code: "code" },
            { label: t("tools.codesLabel"), code: "label" },
          ].map((c) => cell(spreadsheetHeader(c))),
          ...codeListRows(catalog, selected, language).map((r) => r.map(cell)),
        ],
      },
    ]).toBlob();
    download(spreadsheetFileName(name, "xlsx"), blob, blob.type);
  };

  return (
    <section aria-labelledby="template-heading" className="panel">
      <h2 id="template-heading">{t("tools.template")}</h2>
      <p>{t("tools.templateIntro")}</p>
      <p>{t("tools.templatePeriods")}</p>
      {takesDepartment && <p data-template-departments>{t("tools.templateDepartments")}</p>}
      <div className="tool-row">
        <label>
          {t("tools.indicators")}
          <select
            multiple
            size={6}
            value={selected}
            onChange={(e) => setSelected([...e.target.selectedOptions].map((o) => o.value))}
          >
            {catalog.indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {t("tools.indicatorOption", {
                  title: local(i.title),
                  periodicity: t(`periodicities.${i.periodicity}`),
                })}
              </option>
            ))}
          </select>
        </label>
        {needed.map((p) => (
          <label key={p}>
            {t(`tools.periodOf.${p}`)}
            <input
              value={periods[p]}
              onChange={(e) => setPeriods({ ...periods, [p]: e.target.value.trim() })}
              pattern={periodPatterns[p]}
              aria-invalid={!valid(p)}
              data-period={p}
            />
          </label>
        ))}
      </div>
      <p>
        <button type="button" onClick={csv} disabled={!ready}>
          {t("tools.downloadCsv")}
        </button>{" "}
        <button type="button" onClick={() => void xlsx()} disabled={!ready}>
          {t("tools.downloadXlsx")}
        </button>
      </p>
    </section>
  );
}
