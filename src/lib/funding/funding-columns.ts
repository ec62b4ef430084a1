/** A funding file's columns: one row per donor, programme, commitment and period. */
export const fundingColumns = [
  "commitment_id",
  "donor",
  "programme",
  "currency",
  "amount_committed",
  "amount_disbursed",
  "period",
  "iati_identifier",
  "note",
] as const;
export type FundingColumn = (typeof fundingColumns)[number];

export const requiredFundingColumns = [
  "commitment_id",
  "donor",
  "currency",
  "amount_committed",
  "period",
] as const;

/** Spanish and English spellings of each funding column. */
export const fundingSynonyms: Record<FundingColumn, readonly string[]> = {
  commitment_id: ["compromiso", "id_compromiso", "commitment", "commitment id"],
  donor: ["donante", "cooperante", "donor", "funder", "financiador"],
  programme: ["programa", "proyecto", "programme", "program", "project"],
  currency: ["moneda", "divisa", "currency"],
  amount_committed: [
    "comprometido",
    "monto_comprometido",
    "committed",
    "commitment amount",
    "amount committed",
  ],
  amount_disbursed: [
    "desembolsado",
    "monto_desembolsado",
    "disbursed",
    "disbursement",
    "amount disbursed",
  ],
  period: ["periodo", "período", "año", "year", "period"],
  iati_identifier: ["iati", "identificador_iati", "iati identifier", "iati-identifier", "iati_id"],
  note: ["nota", "notas", "note", "notes", "comentario"],
};

/** One funding record as accepted. */
export interface FundingRecord {
  commitment_id: string;
  donor: string;
  programme: string | null;
  currency: string;
  amount_committed: number;
  amount_disbursed: number | null;
  period: string;
  time: number;
  iati_identifier: string | null;
  note: string | null;
  row?: number;
}

/** ISO 4217 codes this runtime knows (Intl), so no code list is maintained by hand. */
export function knownCurrencies(): Set<string> {
  return new Set(Intl.supportedValuesOf("currency"));
}

/** How every row of the demo dataset's funding begins its note (the build checks it). */
export const illustrativeFundingNote = "ILUSTRATIVO / ILLUSTRATIVE";
