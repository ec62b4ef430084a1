import { describe, expect, it } from "vitest";
import {
  forgetMapping,
  layoutKey,
  type MappingStorage,
  readRememberedMapping,
  rememberMapping,
  sameMapping,
} from "../../../src/lib/officer-tools/remembered-mapping";

function memoryStorage(): MappingStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const header = ["Indicador", "Período", "Valor", "Observación del técnico"];

describe("a column mapping remembered per file layout", () => {
  it("gives the same key to the same header written with other accents, case and spacing", () => {
    expect(layoutKey(["INDICADOR", "periodo", " Valor ", "observacion_del_tecnico"])).toBe(
      layoutKey(header),
    );
  });

  it("gives another key to other columns or the same columns in another order", () => {
    expect(layoutKey(["Indicador", "Valor", "Período", "Observación del técnico"])).not.toBe(
      layoutKey(header),
    );
    expect(layoutKey(["Indicador", "Período", "Valor"])).not.toBe(layoutKey(header));
    expect(layoutKey(["Indicador", "Período", "Valor", "Observación", "del técnico"])).not.toBe(
      layoutKey(header),
    );
  });

  it("applies what was chosen to the next file of the same layout, and to no other", () => {
    const storage = memoryStorage();
    rememberMapping(storage, header, {
      mapping: { 3: "note" },
      indicatorId: "children-in-alternatives",
    });
    expect(
      readRememberedMapping(storage, ["indicador", "PERIODO", "valor", "Observacion del tecnico"]),
    ).toEqual({
      mapping: { 3: "note" },
      indicatorId: "children-in-alternatives",
    });
    expect(readRememberedMapping(storage, ["Indicador", "Período", "Valor", "Nota"])).toBeNull();
  });

  it("forgets on request, and when the officer goes back to the automatic mapping", () => {
    const storage = memoryStorage();
    rememberMapping(storage, header, { mapping: { 3: "note" } });
    forgetMapping(storage, header);
    expect(readRememberedMapping(storage, header)).toBeNull();
    rememberMapping(storage, header, { mapping: { 3: null } });
    expect(readRememberedMapping(storage, header)).toEqual({ mapping: { 3: null } });
    rememberMapping(storage, header, { mapping: {} });
    expect(storage.items.size).toBe(0);
  });

  it("ignores what it cannot trust: bad JSON, an unknown column name, a storage that throws", () => {
    const storage = memoryStorage();
    storage.setItem(layoutKey(header), "{not json");
    expect(readRememberedMapping(storage, header)).toBeNull();
    storage.setItem(layoutKey(header), JSON.stringify({ mapping: { 3: "population" } }));
    expect(readRememberedMapping(storage, header)).toBeNull();
    const refusing: MappingStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => undefined,
    };
    expect(() => rememberMapping(refusing, header, { mapping: { 3: "note" } })).not.toThrow();
    expect(readRememberedMapping(refusing, header)).toBeNull();
  });

  it("tells a column left automatic apart from one set to be ignored", () => {
    expect(sameMapping({ mapping: { 3: "note" } }, { mapping: { 3: "note" } })).toBe(true);
    expect(sameMapping({ mapping: { 3: null } }, { mapping: {} })).toBe(false);
    expect(sameMapping({ mapping: {} }, { mapping: {}, indicatorId: "x" })).toBe(false);
  });
});
