import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { catalog, findIndicator } from "@/lib/catalog/bundled-catalog";
import { fold } from "@/lib/catalog/search-catalog";
import { useLanguage } from "@/lib/i18n/use-language";

interface IndicatorPickerProps {
  value: string | undefined;
  /** Whether the file has its own indicator column (then the choice is optional). */
  fileHasIndicator: boolean;
  onPick: (indicatorId: string | undefined) => void;
}

/**
 * The indicator for every row, searched by typing part of its name or id: a text box with the
 * catalog as suggestions (`<datalist>`), which browsers filter as the officer types and announce
 * as a combobox. The choice counts once the text is an indicator's suggestion or its id.
 */
export function IndicatorPicker({ value, fileHasIndicator, onPick }: IndicatorPickerProps) {
  const { t } = useTranslation();
  const { local } = useLanguage();
  const listId = useId();
  const hintId = useId();
  const shown = (id: string) => {
    const indicator = findIndicator(id);
    return indicator ? `${local(indicator.title)} (${indicator.id})` : id;
  };
  const [text, setText] = useState(value === undefined ? "" : shown(value));

  const resolve = (typed: string): string | null => {
    const wanted = fold(typed.trim());
    if (wanted === "") return "";
    const found = catalog.indicators.find(
      (i) => fold(i.id) === wanted || fold(shown(i.id)) === wanted,
    );
    return found ? found.id : null;
  };

  return (
    <p>
      <label>
        {t("data.indicatorForAll")}{" "}
        <input
          type="text"
          list={listId}
          size={60}
          autoComplete="off"
          aria-describedby={hintId}
          placeholder={fileHasIndicator ? t("data.fromFile") : t("data.chooseIndicator")}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const id = resolve(e.target.value);
            if (id === "") {
              if (value !== undefined) onPick(undefined);
            } else if (id !== null && id !== value) onPick(id);
          }}
        />
      </label>{" "}
      <span id={hintId} className="muted">
        {t("data.indicatorSearchHint")}
      </span>
      <datalist id={listId}>
        {catalog.indicators.map((i) => (
          <option key={i.id} value={shown(i.id)} />
        ))}
      </datalist>
    </p>
  );
}
