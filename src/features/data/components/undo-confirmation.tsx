import { useTranslation } from "react-i18next";

interface UndoConfirmationProps {
  fileName: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy: boolean;
}

/**
 * Asks before undoing an accepted file, in place: what undoing does, and that it can be redone.
 * The confirming button takes the focus so a keyboard user lands on the question.
 */
export function UndoConfirmation({ fileName, onConfirm, onCancel, busy }: UndoConfirmationProps) {
  const { t } = useTranslation();
  return (
    <fieldset data-undo-confirmation>
      <legend>{t("data.undoConfirm", { file: fileName })}</legend>
      <button type="button" disabled={busy} onClick={onConfirm} ref={(el) => el?.focus()}>
        {t("data.undoConfirmYes")}
      </button>{" "}
      <button type="button" onClick={onCancel}>
        {t("data.undoConfirmNo")}
      </button>
    </fieldset>
  );
}
