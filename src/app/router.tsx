import { lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { OverviewPage } from "@/features/overview/components/overview-page";
import { embedRoute } from "@/lib/embed/embed-path";
import { savedLanguage } from "./language-store";
import { Layout } from "./layout";
import { NotFound } from "./not-found";

// The report text is only needed on its own page: load it on demand.
const ReportPage = lazy(() => import("@/features/report/components/report-page"));
// Intake code (parsers, diff, history) is only needed by officers on the Data page.
const DataPage = lazy(() => import("@/features/data/components/data-page"));
const BriefPage = lazy(() => import("@/features/brief/components/brief-page"));
// The overview is the landing page and ships in the first chunk; every other screen is fetched
// when first visited, so the first screen downloads only what it draws.
const IndicatorPage = lazy(() =>
  import("@/features/indicator/components/indicator-page").then((m) => ({
    default: m.IndicatorPage,
  })),
);
const CatalogPage = lazy(() =>
  import("@/features/catalog/components/catalog-page").then((m) => ({ default: m.CatalogPage })),
);
const ThemePage = lazy(() =>
  import("@/features/catalog/components/theme-page").then((m) => ({ default: m.ThemePage })),
);
const GroupPage = lazy(() =>
  import("@/features/catalog/components/group-page").then((m) => ({ default: m.GroupPage })),
);
const ObjectivePage = lazy(() =>
  import("@/features/catalog/components/objective-page").then((m) => ({
    default: m.ObjectivePage,
  })),
);
const CommitmentPage = lazy(() =>
  import("@/features/catalog/components/commitment-page").then((m) => ({
    default: m.CommitmentPage,
  })),
);
// The embed view, framed by other sites, outside the layout: no header, navigation or status bar.
const EmbedPage = lazy(() =>
  import("@/features/embed/components/embed-page").then((m) => ({ default: m.EmbedPage })),
);
const ApprovalPage = lazy(() =>
  import("@/features/approval/components/approval-page").then((m) => ({
    default: m.ApprovalPage,
  })),
);
const ReleasesPage = lazy(() =>
  import("@/features/releases/components/releases-page").then((m) => ({
    default: m.ReleasesPage,
  })),
);
const ReleasePage = lazy(() =>
  import("@/features/releases/components/release-page").then((m) => ({
    default: m.ReleasePage,
  })),
);
const DonorPage = lazy(() =>
  import("@/features/donors/components/donor-page").then((m) => ({ default: m.DonorPage })),
);

function Lazy({ page }: { page: ReactNode }) {
  return <Suspense fallback={<p aria-busy="true">…</p>}>{page}</Suspense>;
}

/** Every screen has its own URL; the language is the first path segment. */
export function createRouter() {
  return createBrowserRouter([
    { path: "/", element: <Navigate to={`/${savedLanguage()}`} replace /> },
    { path: embedRoute, element: <Lazy page={<EmbedPage />} /> },
    {
      path: "/:lang",
      element: <Layout />,
      children: [
        { index: true, element: <OverviewPage /> },
        { path: "indicators/:id", element: <Lazy page={<IndicatorPage />} /> },
        { path: "catalog", element: <Lazy page={<CatalogPage />} /> },
        { path: "themes/:id", element: <Lazy page={<ThemePage />} /> },
        { path: "groups/:id", element: <Lazy page={<GroupPage />} /> },
        { path: "objectives/:number", element: <Lazy page={<ObjectivePage />} /> },
        { path: "commitments/:id", element: <Lazy page={<CommitmentPage />} /> },
        { path: "donors", element: <Lazy page={<DonorPage />} /> },
        { path: "brief", element: <Lazy page={<BriefPage />} /> },
        { path: "data", element: <Lazy page={<DataPage />} /> },
        { path: "approve", element: <Lazy page={<ApprovalPage />} /> },
        { path: "releases", element: <Lazy page={<ReleasesPage />} /> },
        { path: "releases/:version", element: <Lazy page={<ReleasePage />} /> },
        {
          path: "report",
          element: <Lazy page={<ReportPage />} />,
        },
        { path: "*", element: <NotFound /> },
      ],
    },
  ]);
}
