import { useId } from "react";
import { useTranslation } from "react-i18next";

export interface PersonInput {
  name: string;
  role: string;
}

/** A name and a role, as the person types them: recorded as given, never verified. */
export function PersonFields({
  value,
  onChange,
  legend,
}: {
  value: PersonInput;
  onChange: (next: PersonInput) => void;
  legend: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="person-fields">
      <legend>{legend}</legend>
      <label htmlFor={`${id}-name`}>{t("approval.name")}</label>
      <input
        id={`${id}-name`}
        value={value.name}
        autoComplete="name"
        onChange={(e) => onChange({ ...value, name: e.target.value })}
      />
      <label htmlFor={`${id}-role`}>{t("approval.role")}</label>
      <input
        id={`${id}-role`}
        value={value.role}
        autoComplete="organization-title"
        onChange={(e) => onChange({ ...value, role: e.target.value })}
      />
    </fieldset>
  );
}

export const filled = (p: PersonInput) => p.name.trim() !== "" && p.role.trim() !== "";
