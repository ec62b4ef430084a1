import { type DefaultOptions, QueryClient } from "@tanstack/react-query";

const defaults = {
  queries: {
    // Data changes only when the engine loads new data, which changes the keys' data version.
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    refetchOnWindowFocus: false,
  },
} satisfies DefaultOptions;

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: defaults });
}
