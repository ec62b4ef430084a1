import type { TFunction } from "i18next";
import { binaryKindNames, binaryKinds } from "./sniff-binary";

/**
 * A refused file's kind as the officer's language names it ("un archivo comprimido bzip2
 * (posiblemente datos de R)"), from the name a finding carries ("bzip2").
 */
export function fileKindName(name: string, t: TFunction): string {
  const kind = binaryKinds.find((k) => binaryKindNames[k] === name);
  return t(`validation.fileKinds.${kind ?? "other"}`, { name });
}
