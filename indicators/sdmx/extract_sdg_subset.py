"""Rebuilds the kept SDG artefacts from the two files they were copied from (see SOURCE.md).

    python3 indicators/sdmx/extract_sdg_subset.py DSD_XML CONSTRAINTS_CSV

DSD_XML: open-sdg/sdg-build tests/assets/data/sdmx/dsd.xml at commit
0b450bf08529dce715bcce32600c709e205324a7 (the registry's IAEG-SDGs:SDG(1.14) with its codelists).
CONSTRAINTS_CSV: open-sdg/sdg-build sdg/outputs/sdmx_global_content_constraints.csv at commit
b59aef563a323bd002a3b2ae74bfb9f22214708e.

Writes structures/IAEG-SDGs.SDG.1.14.json, codelists/IAEG-SDGs.json, codelists/SDMX.json and
constraints/sdg-series-constraints.csv beside this script. Codes are copied, never typed: small
codelists whole, large ones only for the codes mapping.json uses (plus _T).
"""

import csv
import hashlib
import json
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
NS = {
    "str": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure",
    "com": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common",
    "mes": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message",
}
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DSD_SOURCE = {
    "repository": "open-sdg/sdg-build",
    "path": "tests/assets/data/sdmx/dsd.xml",
    "commit": "0b450bf08529dce715bcce32600c709e205324a7",
    "note": "Removed again by the revert 0c37beace5537414e4ca8262048a0fdb7863b955; sdg-build's default DSD address is https://registry.sdmx.org/ws/public/sdmxapi/rest/datastructure/IAEG-SDGs/SDG/latest/?format=sdmx-2.1&detail=full&references=children (sdg/helpers/sdmx.py).",
}
CONSTRAINTS_SOURCE = {
    "repository": "open-sdg/sdg-build",
    "path": "sdg/outputs/sdmx_global_content_constraints.csv",
    "commit": "b59aef563a323bd002a3b2ae74bfb9f22214708e",
    "lastChangedIn": "b4ab7fc7e5ac2c94d51824196aa322246142ae4e",
}
# Small codelists are kept whole; the others only for the codes the mapping uses.
WHOLE = {
    "CL_FREQ",
    "CL_REPORTING_TYPE",
    "CL_SEX",
    "CL_DISABILITY",
    "CL_OBS_STATUS",
    "CL_UNIT_MULT",
    "CL_UNIT_MEASURE",
    "CL_URBANISATION",
    "CL_QUANTILE",
}


def english(element):
    for name in element.findall("com:Name", NS):
        if name.get(LANG) == "en":
            return name.text
    return None


def ref_text(ref):
    return f"{ref.get('agencyID')}:{ref.get('id')}({ref.get('version')})"


def structure_of(dsd):
    dimensions, attributes = [], []
    for dim in dsd.find("str:DataStructureComponents/str:DimensionList", NS):
        ref = dim.find("str:LocalRepresentation/str:Enumeration/Ref", NS)
        dimensions.append({"id": dim.get("id"), "codelist": ref_text(ref) if ref is not None else None})
    for att in dsd.find("str:DataStructureComponents/str:AttributeList", NS):
        ref = att.find("str:LocalRepresentation/str:Enumeration/Ref", NS)
        attributes.append(
            {
                "id": att.get("id"),
                "codelist": ref_text(ref) if ref is not None else None,
                "assignment": att.get("assignmentStatus"),
            }
        )
    return dimensions, attributes


def used_codes(mapping, dimensions):
    """Codes of each DSD component the mapping names, by component id."""
    sdg = mapping["sdg"]
    used = defaultdict(set)
    for entry in sdg["indicators"].values():
        used["SERIES"].add(entry["series"])
        for code in entry.get("seriesBy", {}).get("codes", {}).values():
            if isinstance(code, str):
                used["SERIES"].add(code)
        for component, code in entry["fixed"].items():
            used[component].add(code)
        used["UNIT_MEASURE"].add(entry["unitMeasure"])
    used["REF_AREA"].add(sdg["refArea"])
    used["REF_AREA"].update(c for c in sdg["referenceAreas"].values() if isinstance(c, str))
    for dimension in sdg["dimensions"].values():
        if dimension["dsd"]:
            used[dimension["dsd"]].update(c for c in dimension["codes"].values() if isinstance(c, str))
    ids = {d["id"] for d in dimensions}
    unknown = set(used) - ids - {"UNIT_MEASURE"}
    if unknown:
        raise SystemExit(f"mapping names components the DSD lacks: {sorted(unknown)}")
    return used


def main(dsd_path, constraints_path):
    raw = Path(dsd_path).read_bytes()
    root = ET.fromstring(raw)
    dsd = root.find(".//str:DataStructure", NS)
    source = {**DSD_SOURCE, "sha256": hashlib.sha256(raw).hexdigest(), "bytes": len(raw)}
    source["messageId"] = root.find("mes:Header/mes:ID", NS).text
    source["prepared"] = root.find("mes:Header/mes:Prepared", NS).text
    dimensions, attributes = structure_of(dsd)
    mapping = json.loads((HERE / "mapping.json").read_text())
    used = used_codes(mapping, dimensions)
    component_of = {c["codelist"]: c["id"] for c in dimensions + attributes if c["codelist"]}

    agencies = defaultdict(list)
    for codelist in root.iter(f"{{{NS['str']}}}Codelist"):
        ref = f"{codelist.get('agencyID')}:{codelist.get('id')}({codelist.get('version')})"
        component = component_of.get(ref)
        if component is None:
            continue
        codes = [{"id": c.get("id"), "name": {"en": english(c)}} for c in codelist.findall("str:Code", NS)]
        whole = codelist.get("id") in WHOLE
        wanted = used.get(component, set()) | {"_T"}
        kept = codes if whole else [c for c in codes if c["id"] in wanted]
        missing = used.get(component, set()) - {c["id"] for c in codes}
        if missing:
            raise SystemExit(f"{ref} has no code {sorted(missing)}")
        if not whole and not used.get(component):
            # A dimension the mapping never uses: only its total is kept, and only if the DSD has one.
            kept = [c for c in codes if c["id"] == "_T"]
        if not kept:
            continue
        agencies[codelist.get("agencyID")].append(
            {
                "agency": codelist.get("agencyID"),
                "id": codelist.get("id"),
                "version": codelist.get("version"),
                "name": {"en": english(codelist)},
                "complete": whole,
                "codesInSource": len(codes),
                "codes": kept,
            }
        )

    structure = {
        "agency": dsd.get("agencyID"),
        "id": dsd.get("id"),
        "version": dsd.get("version"),
        "name": {"en": english(dsd)},
        "source": source,
        "dimensions": dimensions,
        "measure": "OBS_VALUE",
        "attributes": attributes,
    }
    write(HERE / "structures" / f"{dsd.get('agencyID')}.{dsd.get('id')}.{dsd.get('version')}.json", structure)
    for agency, codelists in agencies.items():
        write(HERE / "codelists" / f"{agency}.json", {"source": source, "codelists": codelists})

    with open(constraints_path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    series = used["SERIES"]
    with open(HERE / "constraints" / "sdg-series-constraints.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(rows[0])
        writer.writerows(r for r in rows[1:] if r and r[0] in series)


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
