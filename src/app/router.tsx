import { lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { CatalogPage } from "@/features/catalog/components/catalog-page";
import { CommitmentPage } from "@/features/catalog/components/commitment-page";
import { GroupPage } from "@/features/catalog/components/group-page";
import { ObjectivePage } from "@/features/catalog/components/objective-page";
import { ThemePage } from "@/features/catalog/components/theme-page";
import { DonorPage } from "@/features/donors/components/donor-page";
import { IndicatorPage } from "@/features/indicator/components/indicator-page";
import { OverviewPage } from "@/features/overview/components/overview-page";
import { savedLanguage } from "./language-store";
import { Layout } from "./layout";
import { NotFound } from "./not-found";

// The report text is only needed on its own page: load it on demand.
const ReportPage = lazy(() => import("@/features/report/components/report-page"));
// Intake code (parsers, diff, history) is only needed by officers on the Data page.
const DataPage = lazy(() => import("@/features/data/components/data-page"));
const BriefPage = lazy(() => import("@/features/brief/components/brief-page"));

function Lazy({ page }: { page: ReactNode }) {
  return <Suspense fallback={<p aria-busy="true">…</p>}>{page}</Suspense>;
}

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
        { path: "catalog", element: <CatalogPage /> },
        { path: "themes/:id", element: <ThemePage /> },
        { path: "groups/:id", element: <GroupPage /> },
        { path: "objectives/:number", element: <ObjectivePage /> },
        { path: "commitments/:id", element: <CommitmentPage /> },
        { path: "donors", element: <DonorPage /> },
        { path: "brief", element: <Lazy page={<BriefPage />} /> },
        { path: "data", element: <Lazy page={<DataPage />} /> },
        {
          path: "report",
          element: <Lazy page={<ReportPage />} />,
        },
        { path: "*", element: <NotFound /> },
      ],
    },
  ]);
}
