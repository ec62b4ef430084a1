import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { catalog } from "@/lib/catalog/bundled-catalog";
import { download } from "@/lib/download";
import { useLanguage } from "@/lib/i18n/use-language";
import { catalogVersion } from "@/lib/officer-tools/export-bundle";
import { useReadyEngine } from "@/lib/query/engine-status";
import { createBundle } from "@/lib/releases/bundle";
import { useSubmissions } from "../api/use-submissions";

/**
 * Sends the officer's accepted files for approval as one bundle file (to e-mail or carry to the
 * approver). What it records is what the officer types: a name and a role, not a login.
 */
export function SendForApproval() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const id = useId();
  const ready = useReadyEngine();
  const submissions = useSubmissions();
  const [name, setName] = useState("");
  const [role, setRole] = useState("");
  const active = (submissions.data ?? []).filter((s) => s.status === "active");
  const send = useMutation({
    mutationFn: async () => {
      if (!ready) throw new Error(t("engine.loading"));
      const now = new Date();
      const bytes = await createBundle(ready.store, {
        id: globalThis.crypto.randomUUID(),
        preparedBy: { name: name.trim(), role: role.trim(), at: now.toISOString() },
        basedOn: ready.release?.version ?? null,
        catalogVersion: await catalogVersion(catalog),
      });
      download(`para-aprobacion-${now.toISOString().slice(0, 10)}.zip`, bytes, "application/zip");
      return active.length;
    },
  });
  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-send-for-approval>
      <h2 id={`${id}-heading`}>{t("approval.send.heading")}</h2>
      <p>{t("approval.send.intro")}</p>
      <p className="muted">{t("approval.guarantees")}</p>
      <div className="tool-row">
        <label>
          {t("approval.name")}
          <input value={name} autoComplete="name" onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t("approval.role")}
          <input
            value={role}
            autoComplete="organization-title"
            onChange={(e) => setRole(e.target.value)}
          />
        </label>
        <button
          type="button"
          data-send
          disabled={!ready || active.length === 0 || !name.trim() || !role.trim() || send.isPending}
          onClick={() => send.mutate()}
        >
          {t("approval.send.button", { count: active.length })}
        </button>
      </div>
      {active.length === 0 && <p className="muted">{t("approval.send.nothing")}</p>}
      {send.data !== undefined && (
        <p role="status" data-sent={send.data}>
          {t("approval.send.done", { count: send.data })}
        </p>
      )}
      {send.error && <p role="alert">{send.error.message}</p>}
      <p>
        <Link to={`/${language}/approve`}>{t("approval.send.approverLink")}</Link>
      </p>
    </section>
  );
}
