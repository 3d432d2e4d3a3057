import { changedFields, createdFields } from "@/lib/audit";
import type { CommandContext } from "@/lib/core/command";

// The audit log says who changed which field of a child's record, and when;
// it never holds what identifies the child (names, date of birth, family
// contacts, referrer details) or free text that may name them. Those values
// live only in the record, where anonymisation can erase them; the audit log
// is append-only and cannot be (docs/domain.md, "Data protection").

const IDENTIFYING = new Set([
  // The child and their family
  "firstName",
  "lastName",
  "dateOfBirth",
  // Counted from the date of birth, so it would give it away.
  "retainUntil",
  "name",
  "relationship",
  "phone",
  "email",
  // Referrals
  "referrerName",
  "reason",
  "decisionReason",
  // Free text about the child
  "whatWasDone",
  "childsWords",
  "studentReflection",
  "whatWasGood",
  "whatCouldBeBetter",
  "description",
  "actionTaken",
  "notes",
  "closingSummary",
  "summaryForSchool",
]);

export const WITHHELD = "(withheld: see the record)";

/** The audit values with every identifying one replaced by WITHHELD; a change's from/to both, a created row's value. */
function withheld(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([field, value]) => {
      if (!IDENTIFYING.has(field)) return [field, value];
      const isChange = typeof value === "object" && value !== null && "from" in value && "to" in value;
      return [field, isChange ? { from: WITHHELD, to: WITHHELD } : WITHHELD];
    }),
  );
}

type Audit = CommandContext["audit"];
type Plain = Record<string, unknown>;

/** A new row of a child's record, audited with its identifying values withheld. */
export async function auditCreated(audit: Audit, entity: string, row: { id: string } & Plain, extra: Plain = {}) {
  await audit.entry("CREATE", entity, row.id, withheld({ ...createdFields(row), ...extra }));
}

/** A change to a child's record: the fields that changed (and the version), identifying values withheld. Returns the changed fields. */
export async function auditUpdated(
  audit: Audit,
  entity: string,
  id: string,
  before: Plain,
  after: Plain,
  version?: { from: number; to: number },
): Promise<string[]> {
  const changes: Plain = changedFields(before, after);
  const fields = Object.keys(changes);
  // A versioned save is recorded even when nothing else changed: the 409 of a later stale save reads it.
  if (version) changes.version = version;
  if (Object.keys(changes).length > 0) await audit.entry("UPDATE", entity, id, withheld(changes));
  return fields;
}
