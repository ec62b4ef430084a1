import { useId } from "react";
import { useTranslation } from "react-i18next";
import { methods } from "@/lib/progress/progress-input";
import { useMethod } from "@/lib/progress/use-method";

export function MethodSwitcher() {
  const { t } = useTranslation();
  const id = useId();
  const [method, setMethod] = useMethod();
  return (
    <div className="picker">
      <label htmlFor={id}>{t("progress.method")}</label>
      <select id={id} value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
        {methods.map((m) => (
          <option key={m} value={m}>
            {t(`progress.methods.${m}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
