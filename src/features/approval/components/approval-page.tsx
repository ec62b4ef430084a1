import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ChangeList } from "@/components/change-list";
import { catalog } from "@/lib/catalog/bundled-catalog";
import { download } from "@/lib/download";
import { formatDate } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { bundledSources } from "@/lib/observations/bundled-sources";
import { demoOn } from "@/lib/published/demo-mode";
import { releasesIndex } from "@/lib/published/releases-client";
import { useReadyEngine } from "@/lib/query/engine-status";
import { assembleRelease, loadProposal, proposalChanges } from "@/lib/releases/assemble-release";
import { BundleError, readBundle, returnBundle, type VerifiedBundle } from "@/lib/releases/bundle";
import { filled, PersonFields, type PersonInput } from "./person-fields";

const empty: PersonInput = { name: "", role: "" };

/**
 * Where an approver opens a bundle an officer sent: every byte checked, the change it would make
 * to what is published, then approve (a release to copy to the site) or return it with a reason.
 */
export function ApprovalPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const ready = useReadyEngine();
  const [approver, setApprover] = useState<PersonInput>(empty);
  const [reason, setReason] = useState("");

  const open = useMutation({
    mutationFn: async (file: File) => {
      if (!ready) throw new Error(t("engine.loading"));
      const verified = await readBundle(new Uint8Array(await file.arrayBuffer()));
      await loadProposal(ready.engine, ready.parquet, verified);
      return { verified, changes: await proposalChanges(ready.engine) };
    },
  });
  const bundle: VerifiedBundle | null = open.data?.verified ?? null;
  const approve = useMutation({
    mutationFn: async () => {
      if (!ready || !bundle) throw new Error("no bundle");
      const now = new Date();
      const release = await assembleRelease(ready.engine, ready.parquet, {
        bundle,
        approvedBy: { ...approver, at: now.toISOString() },
        index: await releasesIndex(),
        catalog,
        sources: bundledSources,
        now,
      });
      download(`publicacion-${release.manifest.version}.zip`, release.zip, "application/zip");
      return release.manifest.version;
    },
  });
  const giveBack = useMutation({
    mutationFn: async () => {
      if (!bundle) throw new Error("no bundle");
      const bytes = await returnBundle(bundle, {
        by: { ...approver, at: new Date().toISOString() },
        reason: reason.trim(),
      });
      download(`devuelto-${bundle.manifest.id.slice(0, 8)}.zip`, bytes, "application/zip");
      return true;
    },
  });

  const problem =
    open.error instanceof BundleError
      ? t(`approval.problems.${open.error.problem}`, { detail: open.error.detail })
      : open.error?.message;
  const manifest = bundle?.manifest;
  const published = ready?.release?.version ?? null;
  return (
    <div className="page approval-page">
      <h1>{t("approval.heading")}</h1>
      <p className="lead">{t("approval.intro")}</p>
      <p className="notice" data-guarantees>
        {t("approval.guarantees")}
      </p>
      {demoOn ? (
        <p className="notice notice--illustrative" role="alert" data-approval-demo>
          {t("approval.demoOn")}
        </p>
      ) : (
        <p>
          <label>
            {t("approval.openBundle")}{" "}
            <input
              type="file"
              accept=".zip,application/zip"
              disabled={!ready}
              data-bundle-input
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) open.mutate(file);
              }}
            />
          </label>
        </p>
      )}
      {open.isPending && <p aria-busy="true">{t("approval.checking")}</p>}
      {problem && (
        <p role="alert" data-bundle-error>
          {problem}
        </p>
      )}
      {manifest && open.data && (
        <>
          <section aria-labelledby="bundle-heading" className="panel" data-bundle={manifest.status}>
            <h2 id="bundle-heading">{t("approval.bundle")}</h2>
            <dl className="facts">
              <div>
                <dt>{t("release.preparedBy")}</dt>
                <dd>
                  {manifest.preparedBy.name} · {manifest.preparedBy.role} ·{" "}
                  {formatDate(new Date(manifest.preparedBy.at), language, "long")}
                </dd>
              </div>
              <div>
                <dt>{t("approval.files")}</dt>
                <dd>
                  {manifest.submissions
                    .map((s) => t("approval.file", { name: s.fileName, count: s.rows }))
                    .join("; ")}
                </dd>
              </div>
              <div>
                <dt>{t("approval.against")}</dt>
                <dd>{published ?? t("approval.buildData")}</dd>
              </div>
            </dl>
            {manifest.basedOn !== published && (
              <p className="notice" data-based-on>
                {t("approval.basedOnOther", {
                  basedOn: manifest.basedOn ?? t("approval.buildData"),
                  published: published ?? t("approval.buildData"),
                })}
              </p>
            )}
            {manifest.status === "returned" && manifest.returned && (
              <p className="notice" data-returned>
                {t("approval.wasReturned", {
                  name: manifest.returned.by.name,
                  role: manifest.returned.by.role,
                  reason: manifest.returned.reason,
                })}
              </p>
            )}
          </section>
          <section aria-labelledby="diff-heading">
            <h2 id="diff-heading">{t("approval.diff")}</h2>
            <ChangeList changes={open.data.changes} />
          </section>
          {manifest.status === "submitted" && !approve.data && !giveBack.data && (
            <section aria-labelledby="decide-heading" className="panel">
              <h2 id="decide-heading">{t("approval.decide")}</h2>
              <PersonFields
                value={approver}
                onChange={setApprover}
                legend={t("approval.approver")}
              />
              <p>
                <button
                  type="button"
                  data-approve
                  disabled={!filled(approver) || approve.isPending}
                  onClick={() => approve.mutate()}
                >
                  {t("approval.approve")}
                </button>
              </p>
              <label>
                {t("approval.reason")}
                <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
              </label>
              <p>
                <button
                  type="button"
                  data-return
                  disabled={!filled(approver) || reason.trim() === "" || giveBack.isPending}
                  onClick={() => giveBack.mutate()}
                >
                  {t("approval.return")}
                </button>
              </p>
            </section>
          )}
          {approve.data && (
            <p className="notice" role="status" data-approved={approve.data}>
              {t("approval.approved", { version: approve.data })}
            </p>
          )}
          {giveBack.data && (
            <p className="notice" role="status" data-returned-sent>
              {t("approval.returned")}
            </p>
          )}
          {(approve.error || giveBack.error) && (
            <p role="alert">{(approve.error ?? giveBack.error)?.message}</p>
          )}
        </>
      )}
    </div>
  );
}
