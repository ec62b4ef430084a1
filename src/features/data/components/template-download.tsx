import Papa from "papaparse";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import writeXlsxFile from "write-excel-file/browser";
import { catalog } from "@/lib/catalog/bundled-catalog";
import { download } from "@/lib/download";
import { useLanguage } from "@/lib/i18n/use-language";
import {
  codeListRows,
  lastEndedQuarter,
  templateColumns,
  templateRows,
} from "@/lib/officer-tools/template";

/** A file to fill in for chosen indicators and a quarter, with ids, periods and codes already there. */
export function TemplateDownload() {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const quarterly = catalog.indicators.filter((i) => i.periodicity === "quarterly");
  const [selected, setSelected] = useState<string[]>(quarterly.slice(0, 3).map((i) => i.id));
  const [period, setPeriod] = useState(lastEndedQuarter(new Date()));
  const rows = () => templateRows(catalog, selected, [period]);
  const name = `plantilla-${period}`;

  const csv = () =>
    download(
      `${name}.csv`,
      `${Papa.unparse({ fields: [...templateColumns], data: rows() })}\n`,
      "text/csv;charset=utf-8",
    );
  const xlsx = async () => {
    const cell = (value: string) => ({ value });
    const blob = await writeXlsxFile([
      {
        sheet: t("tools.dataSheet"),
        data: [templateColumns.map(cell), ...rows().map((r) => r.map(cell))],
      },
      {
        sheet: t("tools.codesSheet"),
        data: [
          ["indicator_id", "dimension", "code", "label"].map(cell),
          ...codeListRows(catalog, selected, language).map((r) => r.map(cell)),
        ],
      },
    ]).toBlob();
    download(`${name}.xlsx`, blob, blob.type);
  };

  return (
    <section aria-labelledby="template-heading" className="panel">
      <h2 id="template-heading">{t("tools.template")}</h2>
      <p>{t("tools.templateIntro")}</p>
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
                {local(i.title)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("tools.period")}
          <input
            value={period}
            onChange={(e) => setPeriod(e.target.value.trim())}
            pattern="\d{4}(-Q[1-4]|-\d{2})?"
          />
        </label>
      </div>
      <p>
        <button type="button" onClick={csv} disabled={selected.length === 0}>
          {t("tools.downloadCsv")}
        </button>{" "}
        <button type="button" onClick={() => void xlsx()} disabled={selected.length === 0}>
          {t("tools.downloadXlsx")}
        </button>
      </p>
    </section>
  );
}
