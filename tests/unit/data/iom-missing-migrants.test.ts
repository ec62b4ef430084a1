import { describe, expect, it } from "vitest";
import { downloadDateOf, parseIncidentDate } from "../../../scripts/derive/iom-incident-date";
import {
  isOrigin,
  missingMigrantRows,
  mmpRawFile,
} from "../../../scripts/derive/iom-missing-migrants";
import { readRawUtf8 } from "../../../scripts/derive/raw-utf8";

const source = "iom-mmp-2026-05-06";
const header =
  '"Main ID","Incident ID",Region,"Incident Date",Year,"Reported Month","Number Dead","Minimum Estimated Number of Missing","Country of Origin"';
const csv = (...lines: string[]) => [header, ...lines].join("\n");

describe("IOM Missing Migrants Project: Honduran dead and missing by quarter", () => {
  it("counts the three Honduran records of the 2026 download in 2026-Q1 (1+0, 1+0, 1+2)", () => {
    const rows = missingMigrantRows(
      readRawUtf8(source, mmpRawFile),
      mmpRawFile,
      downloadDateOf(mmpRawFile),
      source,
    );
    expect(rows.map((r) => [r.period, r.value])).toEqual([
      ["2026-Q1", 5],
      ["2026-Q2", null],
    ]);
    expect(rows[0]?.note).toContain("2026.MMP0034, 2026.MMP0097, 2026.MMP0141");
    expect(rows[1]?.note).toContain("2026-05-06");
  });

  it("adds dead and missing; a blank count is unknown and adds nothing", () => {
    const rows = missingMigrantRows(
      csv(
        'A1,A1,"Central America","Mon, 01/26/2026 - 12:00",2026,January,2,3,Honduras',
        'A2,A2,"Central America","Mon, 02/16/2026 - 12:00",2026,February,,4,Honduras',
        'A3,A3,"Central America","Mon, 02/16/2026 - 12:00",2026,February,7,1,Guatemala',
      ),
      "sample.csv",
      "2026-05-06",
      source,
    );
    expect(rows[0]?.value).toBe(9);
  });

  it("counts every Incident ID of a split incident (Main ID), each with its own part", () => {
    const rows = missingMigrantRows(
      csv(
        'M1,M11,"Central America","Mon, 01/26/2026 - 12:00",2026,January,2,0,Honduras',
        'M1,M12,"Central America","Tue, 01/27/2026 - 12:00",2026,January,1,1,Honduras',
      ),
      "sample.csv",
      "2026-05-06",
      source,
    );
    expect(rows[0]?.value).toBe(4);
  });

  it("refuses a repeated Incident ID, which would count a record twice", () => {
    expect(() =>
      missingMigrantRows(
        csv(
          'M1,M11,"Central America","Mon, 01/26/2026 - 12:00",2026,January,2,0,Honduras',
          'M1,M11,"Central America","Mon, 01/26/2026 - 12:00",2026,January,2,0,Honduras',
        ),
        "sample.csv",
        "2026-05-06",
        source,
      ),
    ).toThrow('Incident ID "M11"');
  });

  it("publishes only quarters over at the download date, and lists complete quarters with no record as 0", () => {
    const rows = missingMigrantRows(
      csv(
        'A1,A1,"Central America","Fri, 07/03/2026 - 12:00",2026,July,1,0,Honduras',
        'A2,A2,"Mediterranean","Wed, 01/07/2026 - 12:00",2026,January,1,0,Sudan',
      ),
      "sample.csv",
      "2026-10-01",
      source,
    );
    expect(rows.map((r) => [r.period, r.value])).toEqual([
      ["2026-Q1", 0],
      ["2026-Q2", 0],
      ["2026-Q3", 1],
      ["2026-Q4", null],
    ]);
    const early = missingMigrantRows(
      csv('A1,A1,"Central America","Fri, 07/03/2026 - 12:00",2026,July,1,0,Honduras'),
      "sample.csv",
      "2026-09-30",
      source,
    );
    expect(early.at(-1)).toMatchObject({ period: "2026-Q3", value: null });
  });

  it("counts only origin Honduras; mixed groups are not attributed, a shared cell stops", () => {
    expect(isOrigin("Honduras")).toBe(true);
    expect(isOrigin(" Honduras ")).toBe(true);
    expect(isOrigin("Mixed")).toBe(false);
    expect(isOrigin("Mixed/Unknown")).toBe(false);
    expect(isOrigin("Guatemala")).toBe(false);
    expect(() => isOrigin("Guatemala,Honduras")).toThrow('"Guatemala,Honduras"');
  });

  it("reads the download's incident dates (US order) and refuses anything else", () => {
    expect(parseIncidentDate("Thu, 03/19/2026 - 12:00")).toMatchObject({
      year: 2026,
      month: 3,
      day: 19,
      iso: "2026-03-19",
    });
    expect(() => parseIncidentDate("19/03/2026")).toThrow("19/03/2026");
    expect(() => parseIncidentDate("Thu, 02/30/2026 - 12:00")).toThrow();
    expect(downloadDateOf(mmpRawFile)).toBe("2026-05-06");
  });
});
