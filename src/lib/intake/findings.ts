export const findingCodes = [
  "missing_column",
  "unknown_column",
  "unknown_indicator",
  "unparseable_period",
  "impossible_period",
  "wrong_periodicity",
  "non_numeric_value",
  "below_minimum",
  "above_maximum",
  "fractional_count",
  "disaggregation_not_allowed",
  "code_not_allowed",
  "unknown_department",
  "duplicate_key",
  "missing_value",
  "unit_mismatch",
  "subgroup_exceeds_total",
  "unusual_jump",
  "seasonal_outlier",
  "unusual_period_change",
  "rule_broken",
  "rule_broken_with_accepted",
  "empty_file",
  "no_data_rows",
  "file_too_large",
  "unsupported_file",
  "unreadable_file",
  "archive_too_large",
  "too_many_columns",
  "cell_too_long",
  "control_character",
  "mixed_encoding",
  "unterminated_quote",
  "malformed_quote",
  "duplicate_column",
  "extension_mismatch",
  "decoded_as",
  "number_format",
  "number_format_guessed",
  "skipped_title_rows",
  "skipped_note_rows",
  "reshaped_wide",
  "sheet_used",
  "already_accepted",
  "unknown_commitment",
  "missing_donor",
  "unknown_currency",
  "negative_amount",
  "disbursed_above_committed",
  "sdmx_read",
  "sdmx_csv_version",
  "sdmx_unknown_dataflow",
  "sdmx_version_differs",
  "sdmx_unknown_series",
  "sdmx_unmapped_code",
  "sdmx_status_with_value",
  "sdmx_missing_dimension",
  "sdmx_ignored_attribute",
] as const;
export type FindingCode = (typeof findingCodes)[number];

/** One problem in an uploaded file, located as the officer's spreadsheet shows it. */
export interface Finding {
  severity: "error" | "warning" | "info";
  code: FindingCode;
  file: string;
  /** Spreadsheet row number (the header is row 1 when it is the first line); absent for file-level findings. */
  row?: number;
  column?: string;
  value?: string;
  /** Extra facts for the message, e.g. the allowed range. */
  detail?: Record<string, string | number>;
  /**
   * Another finding of the same file that explains this one, e.g. a column left unread that
   * makes distinct rows look duplicated (set by `explainFindings`, finding-causes.ts).
   */
  cause?: FindingCause;
}

export interface FindingCause {
  code: FindingCode;
  column?: string;
  row?: number;
}

export function countErrors(findings: readonly Finding[]): number {
  return findings.filter((f) => f.severity === "error").length;
}
