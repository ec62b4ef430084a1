import { z } from "zod";
import { useUrlState } from "../url-state/use-url-state";
import { type Method, methods } from "./progress-input";

const methodState = { method: z.enum(methods).catch("statcan") };

/** The progress method chosen in the URL (`?method=`), Statistics Canada's by default. */
export function useMethod(): [Method, (method: Method) => void] {
  const [{ method }, setState] = useUrlState(methodState);
  return [method, (next) => setState({ method: next })];
}
