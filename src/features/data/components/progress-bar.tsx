import { useTranslation } from "react-i18next";

export function ProgressBar({ label, fraction }: { label: string; fraction: number }) {
  const { t } = useTranslation();
  const percent = Math.round(fraction * 100);
  return (
    <div className="progress">
      <label>
        {label}
        <progress max={100} value={percent} aria-valuetext={t("data.percent", { percent })} />
      </label>
      <span aria-hidden="true">{percent} %</span>
    </div>
  );
}
