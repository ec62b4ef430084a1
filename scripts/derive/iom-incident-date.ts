/** A calendar day, as read from an IOM Missing Migrants Project date. */
export interface IncidentDay {
  year: number;
  month: number;
  day: number;
  /** `2026-01-26` */
  iso: string;
}

/** The MMP download's `Incident Date`: weekday, US-order date, time, e.g. `Thu, 01/01/2026 - 12:00`. */
const incidentDate = /^[A-Z][a-z]{2}, (\d{2})\/(\d{2})\/(\d{4}) - \d{2}:\d{2}$/;

/** Reads an `Incident Date`; anything else (or an impossible day) stops the derivation. */
export function parseIncidentDate(text: string): IncidentDay {
  const match = text.trim().match(incidentDate);
  const [month, day, year] = [match?.[1], match?.[2], match?.[3]].map(Number);
  if (match && year !== undefined && month !== undefined && day !== undefined) {
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() === month - 1 && date.getUTCDate() === day)
      return { year, month, day, iso: date.toISOString().slice(0, 10) };
  }
  throw new Error(`incident date "${text}" is not of the form "Thu, 01/01/2026 - 12:00"`);
}

/** The download date in an MMP file name, `MissingMigrants-Global-2026-05-06--19_42_11.csv`. */
export function downloadDateOf(file: string): string {
  const date = file.match(/MissingMigrants-Global-(\d{4}-\d{2}-\d{2})--/)?.[1];
  if (!date) throw new Error(`${file}: no download date in the file name`);
  return date;
}
