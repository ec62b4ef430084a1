/**
 * The department names the BCH remittance tables use, mapped to ISO 3166-2:HN codes (the codes
 * of the `department` dimension in indicators/dimensions.json). Written out in full, so a new
 * spelling is noticed rather than guessed at.
 */
export const bchDepartmentCodes: Readonly<Record<string, string>> = {
  Atlántida: "HN-AT",
  Choluteca: "HN-CH",
  Colón: "HN-CL",
  Comayagua: "HN-CM",
  Copán: "HN-CP",
  Cortés: "HN-CR",
  "El Paraíso": "HN-EP",
  "Francisco Morazán": "HN-FM",
  "Gracias a Dios": "HN-GD",
  Intibucá: "HN-IN",
  "Islas de la Bahía": "HN-IB",
  "La Paz": "HN-LP",
  Lempira: "HN-LE",
  Ocotepeque: "HN-OC",
  Olancho: "HN-OL",
  "Santa Bárbara": "HN-SB",
  Valle: "HN-VA",
  Yoro: "HN-YO",
};

/** The ISO code of a department as BCH names it; an unknown name stops the derivation. */
export function bchDepartmentCode(name: string): string {
  const code = bchDepartmentCodes[name.normalize("NFC").trim()];
  if (code === undefined) throw new Error(`unknown department "${name}" in the BCH table`);
  return code;
}
