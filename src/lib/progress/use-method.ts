import { useSearchParams } from "react-router";
import { type Method, methods } from "./progress-input";

/** The progress method chosen in the URL (`?method=`), Statistics Canada's by default. */
export function useMethod(): [Method, (method: Method) => void] {
  const [search, setSearch] = useSearchParams();
  const value = search.get("method");
  const method: Method = methods.includes(value as Method) ? (value as Method) : "statcan";
  const set = (next: Method) => {
    const params = new URLSearchParams(search);
    if (next === "statcan") params.delete("method");
    else params.set("method", next);
    setSearch(params, { replace: true });
  };
  return [method, set];
}
