import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { readUrlState, type UrlState, type UrlStateSpec, writeUrlState } from "./url-state";

/**
 * The one way pages read and write state kept in the URL. Writes replace the history entry:
 * typing a search or picking a breakdown should not fill the back button.
 */
export function useUrlState<S extends UrlStateSpec>(
  spec: S,
): [UrlState<S>, (patch: Partial<UrlState<S>>) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readUrlState(spec, params), [spec, params]);
  const update = useCallback(
    (patch: Partial<UrlState<S>>) =>
      setParams((current) => writeUrlState(spec, current, patch), { replace: true }),
    [spec, setParams],
  );
  return [state, update];
}
