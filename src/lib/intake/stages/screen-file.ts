import {
  detectFormat,
  type FileFormat,
  formatNames,
  misleadingExtension,
  unsupportedKind,
} from "../file-kind";
import type { Finding } from "../findings";
import type { Stopped } from "../intake-result";
import { maxFileBytes } from "../limits";

export interface Screened {
  format: FileFormat;
  notes: Finding[];
}

/**
 * Before any reading: too large, empty or not a table file stops here; otherwise the format is
 * told by the bytes, and an extension that says otherwise is a warning.
 */
export function screenFile(file: string, bytes: Uint8Array): Screened | Stopped {
  if (bytes.byteLength > maxFileBytes)
    return {
      stop: [
        {
          severity: "error",
          code: "file_too_large",
          file,
          detail: {
            megabytes: Math.round(bytes.byteLength / 1048576),
            limit: maxFileBytes / 1048576,
          },
        },
      ],
    };
  if (bytes.byteLength === 0) return { stop: [{ severity: "error", code: "empty_file", file }] };
  const kind = unsupportedKind(bytes);
  if (kind !== null)
    return { stop: [{ severity: "error", code: "unsupported_file", file, detail: { kind } }] };
  const format = detectFormat(bytes);
  const extension = misleadingExtension(file, format);
  const notes: Finding[] =
    extension === null
      ? []
      : [
          {
            severity: "warning",
            code: "extension_mismatch",
            file,
            detail: { extension, format: formatNames[format] },
          },
        ];
  return { format, notes };
}
