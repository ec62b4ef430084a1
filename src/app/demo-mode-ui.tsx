import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { demoOn, demoRequested, withDemo } from "@/lib/published/demo-mode";

/**
 * Turns the demo dataset on or off. The engine loads its data once per page, so switching
 * reloads the page with `?demo=1` set or removed (the officer's accepted data are untouched).
 */
export function DemoSwitch() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <button
      type="button"
      className="demo-switch"
      aria-pressed={demoOn}
      data-demo-switch={demoOn ? "on" : "off"}
      onClick={() =>
        globalThis.location.assign(`${location.pathname}${withDemo(location.search, !demoOn)}`)
      }
    >
      {t(demoOn ? "demo.turnOff" : "demo.turnOn")}
    </button>
  );
}

/** On every page while the demo is on, in print too. */
export function DemoBanner() {
  const { t } = useTranslation();
  if (!demoOn) return null;
  return (
    <section className="demo-banner" aria-label={t("demo.bannerLabel")} data-demo-banner>
      <strong>{t("demo.bannerTitle")}</strong> {t("demo.bannerText")} <DemoSwitch />
    </section>
  );
}

/** Keeps `?demo=1` in the URL on every page of a demo session, so a copied link opens the same view. */
export function useDemoInUrl(): void {
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    if (demoOn && !demoRequested(location.search))
      void navigate(
        {
          pathname: location.pathname,
          search: withDemo(location.search, true),
          hash: location.hash,
        },
        { replace: true },
      );
  }, [location, navigate]);
}
