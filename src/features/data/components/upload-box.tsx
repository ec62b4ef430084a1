import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { maxFileBytes } from "@/lib/intake/limits";

/** File picker that also takes a dropped file. */
export function UploadBox({
  onFile,
  disabled,
}: {
  onFile: (file: File) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [over, setOver] = useState(false);
  return (
    <section
      className={`upload${over ? " upload--over" : ""}`}
      aria-labelledby={`${id}-label`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
    >
      <label id={`${id}-label`} htmlFor={id} className="upload__label">
        {t("data.choose")}
      </label>
      <input
        id={id}
        type="file"
        accept=".csv,.tsv,.txt,.xlsx,.parquet"
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          event.target.value = "";
        }}
      />
      <p className="muted">{t("data.formats", { limit: maxFileBytes / 1048576 })}</p>
    </section>
  );
}
