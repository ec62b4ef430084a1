import { createBrowserRouter, Navigate } from "react-router";
import { IndicatorPage } from "@/features/indicator/components/indicator-page";
import { OverviewPage } from "@/features/overview/components/overview-page";
import { savedLanguage } from "./language-store";
import { Layout } from "./layout";
import { NotFound } from "./not-found";

/** Every screen has its own URL; the language is the first path segment. */
export function createRouter() {
  return createBrowserRouter([
    { path: "/", element: <Navigate to={`/${savedLanguage()}`} replace /> },
    {
      path: "/:lang",
      element: <Layout />,
      children: [
        { index: true, element: <OverviewPage /> },
        { path: "indicators/:id", element: <IndicatorPage /> },
        { path: "*", element: <NotFound /> },
      ],
    },
  ]);
}
