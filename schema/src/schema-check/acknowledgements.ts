import { readFileSync } from "node:fs";
import { z } from "zod";

/**
 * schema/acknowledged-breaking-changes.json: breaking changes the graph's owners have agreed to
 * ship, each with the coordinate it breaks, why, and who agreed. Reviewed like code, so a breaking
 * change never passes the check without a named decision in the history.
 */
const acknowledgementSchema = z.strictObject({
  /** The schema coordinate the check reports, e.g. `PoliceSection.nominals`. */
  coordinate: z.string().min(1),
  /** The change type the check reports (e.g. FIELD_REMOVED); any change there when omitted. */
  change: z.string().min(1).optional(),
  /** Why it has to break now, and what clients were told. */
  reason: z.string().min(20, { error: "say why, in a sentence (20 characters at least)" }),
  /** Who agreed: the owning agency's team, and the graph's owners. */
  acknowledgedBy: z.string().min(1),
});

const fileSchema = z.strictObject({
  $comment: z.string().optional(),
  acknowledged: z.array(acknowledgementSchema),
});

export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

export const ACKNOWLEDGEMENTS_PATH = new URL(
  "../../acknowledged-breaking-changes.json",
  import.meta.url,
);

export function readAcknowledgements(
  path: string | URL = ACKNOWLEDGEMENTS_PATH,
): Acknowledgement[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new Error(`${String(path)} is not valid JSON: ${(error as Error).message}`);
  }
  const result = fileSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(
      `${String(path)} is not a valid acknowledgement list:\n  ${problems.join("\n  ")}`,
    );
  }
  return result.data.acknowledged;
}

export function acknowledges(
  acknowledgement: Acknowledgement,
  change: { coordinate: string; type: string },
): boolean {
  return (
    acknowledgement.coordinate === change.coordinate &&
    (acknowledgement.change === undefined || acknowledgement.change === change.type)
  );
}
