import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { DimensionName, Indicator } from "@/lib/catalog/schema";

interface BreakdownPickerProps {
  indicator: Indicator;
  value: DimensionName | null;
  onChange: (dimension: DimensionName | null) => void;
}

/** Chooses the disaggregation drawn next to the headline series. */
export function BreakdownPicker({ indicator, value, onChange }: BreakdownPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const dimensions = Object.keys(indicator.disaggregations) as DimensionName[];
  if (dimensions.length === 0) return null;
  return (
    <div className="picker">
      <label htmlFor={id}>{t("indicator.disaggregation")}</label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(event) =>
          onChange(event.target.value === "" ? null : (event.target.value as DimensionName))
        }
      >
        <option value="">{t("indicator.headline")}</option>
        {dimensions.map((d) => (
          <option key={d} value={d}>
            {t(`dimensions.${d}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
