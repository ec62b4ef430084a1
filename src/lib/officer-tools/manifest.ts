import { z } from "zod";

/** Describes an export so the build (and a person) can check it arrived whole. */
export const exportManifest = z.object({
  format: z.literal("gcm-monitor-export/1"),
  generatedAt: z.string(),
  catalogVersion: z.string(),
  observations: z.object({
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    rows: z.number().int().min(0),
  }),
  /** Publishers and licences of the registered datasets the export holds (older exports: none). */
  sources: z
    .array(
      z.object({
        id: z.string(),
        publisher: z.string(),
        licence: z.string(),
        url: z.string().optional(),
      }),
    )
    .default([]),
  submissions: z.array(
    z.object({
      fileName: z.string(),
      checksum: z.string(),
      acceptedAt: z.string(),
      rows: z.number(),
      status: z.enum(["active", "undone"]),
    }),
  ),
});
export type ExportManifest = z.infer<typeof exportManifest>;
