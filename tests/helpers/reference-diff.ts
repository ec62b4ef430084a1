import type { Engine, Row } from "../../src/lib/db/engine";
import type { Dataset } from "../../src/lib/tables/table-descriptors";

/**
 * What accepting the staged file would change, the slow obvious way: a full outer join of the
 * staged rows and the rows in effect in their scopes, on the whole key, in kind and key order.
 * The reference `diffStaged` is checked against.
 */
export function referenceDiff(engine: Engine, d: Dataset): Promise<Row[]> {
  const on = d.key.map((k) => `s.${k} IS NOT DISTINCT FROM c.${k}`).join(" AND ");
  // The first key column is never blank: NULL there means the row is missing on that side.
  const [first] = d.key;
  return engine.query(
    `WITH current AS (SELECT e.* FROM ${d.effective} e SEMI JOIN (SELECT DISTINCT ${d.scope.join(", ")} FROM ${d.staged}) USING (${d.scope.join(", ")}))
     SELECT CASE WHEN c.${first} IS NULL THEN 'added' WHEN s.${first} IS NULL THEN 'removed' ELSE 'changed' END AS kind,
     ${d.key.map((k) => `coalesce(s.${k}, c.${k}) AS ${k}`).join(", ")}, c.${d.value} AS old_value, s.${d.value} AS new_value
     FROM ${d.staged} s FULL OUTER JOIN current c ON ${on}
     WHERE c.${first} IS NULL OR s.${first} IS NULL OR s.${d.value} IS DISTINCT FROM c.${d.value}
     ORDER BY kind, ${d.key.join(", ")}`,
  );
}

/** A reference row as `diffStaged` gives it in its sample. */
export function asDiffRow(d: Dataset) {
  return (r: Row) => ({
    kind: r.kind,
    key: Object.fromEntries(d.key.flatMap((k) => (typeof r[k] === "string" ? [[k, r[k]]] : []))),
    old_value: typeof r.old_value === "number" ? r.old_value : null,
    new_value: typeof r.new_value === "number" ? r.new_value : null,
  });
}
