import type { z } from "zod";

/**
 * A page's URL state: one schema per query parameter, each reading the raw text (null when the
 * parameter is absent) and falling back to its default with `.catch()`. A value equal to the
 * default is left out of the URL, so shared links stay short and stable.
 */
export type UrlStateSpec = Record<string, z.ZodType<string | null, unknown>>;
export type UrlState<S extends UrlStateSpec> = { [K in keyof S]: z.output<S[K]> };

export function readUrlState<S extends UrlStateSpec>(
  spec: S,
  params: URLSearchParams,
): UrlState<S> {
  const state: Partial<Record<keyof S, string | null>> = {};
  for (const key of Object.keys(spec) as (keyof S & string)[])
    state[key] = spec[key]?.parse(params.get(key)) ?? null;
  return state as UrlState<S>;
}

/** The parameters with `patch` applied; other parameters (e.g. `demo`) keep their place. */
export function writeUrlState<S extends UrlStateSpec>(
  spec: S,
  params: URLSearchParams,
  patch: Partial<UrlState<S>>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of Object.keys(patch) as (keyof S & string)[]) {
    const schema = spec[key];
    if (!schema) continue;
    // Written values go through the schema too, so a bad value falls back instead of sticking.
    const value = schema.parse(patch[key] ?? null);
    if (value === null || value === "" || value === schema.parse(null)) next.delete(key);
    else next.set(key, value);
  }
  return next;
}
