import { departmentCode } from "./departments";

/**
 * The ISO 3166-2:HN code of a department as BCH's remittance table names it (Atlántida, Islas de
 * la Bahía…), by the shared department recoder; an unknown name stops the derivation.
 */
export function bchDepartmentCode(name: string): string {
  return departmentCode(name, "the BCH table");
}
