import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { I18nextProvider } from "react-i18next";
import { RouterProvider } from "react-router";
import { createI18n } from "@/lib/i18n/create-i18n";
import { createQueryClient } from "@/lib/query/query-client";
import { EngineProvider } from "./engine-provider";
import { savedLanguage } from "./language-store";
import { createRouter } from "./router";
import { UpdateNotice } from "./service-worker/update-notice";

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [i18n] = useState(() => createI18n(savedLanguage()));
  const [router] = useState(createRouter);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <EngineProvider>
          <RouterProvider router={router} />
          <UpdateNotice />
        </EngineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
