import "server-only";
import { randomInt } from "node:crypto";
import type { Tx } from "@/lib/db";
import { canAddChild, canCorrectChildDetails, childrenIdentifiableTo } from "@/lib/access/children";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError, notFound, unavailable } from "@/lib/errors";
import { fromIsoDate, toIsoDate } from "@/lib/dates";
import { retainUntil } from "@/lib/children/retention";
import { auditCreated, auditUpdated } from "@/lib/children/child-audit";
import { createChildSchema, updateChildSchema } from "@/lib/validations/children";

// Recording a child and correcting their details (docs/domain.md,
// "Children's work"): the pseudonymous code, the team's partner schools, and
// the retention date that follows the date of birth.

// Codes are short so people can say them; the space is widened before it could run out.
const CODE_RANGES = [
  [1_000, 10_000],
  [10_000, 1_000_000],
] as const;

export async function newChildCode(tx: Tx): Promise<string> {
  for (const [from, to] of CODE_RANGES) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = `C-${randomInt(from, to)}`;
      if (!(await tx.child.findUnique({ where: { code }, select: { id: true } }))) return code;
    }
  }
  throw unavailable("No free child code was found. Nothing was saved: try again.");
}

/**
 * Keeps the stored retention date true to the rule (lib/children/retention.ts):
 * from the date of birth, for the longest-kept kind of work the child has had.
 * Called whenever either changes.
 */
export async function keepRetentionDate(tx: Tx, childId: string) {
  const child = await tx.child.findUniqueOrThrow({
    where: { id: childId },
    select: { dateOfBirth: true, allocations: { select: { kind: true } } },
  });
  const until = retainUntil(
    toIsoDate(child.dateOfBirth),
    child.allocations.map((allocation) => allocation.kind),
  );
  await tx.child.update({ where: { id: childId }, data: { retainUntil: fromIsoDate(until) } });
}

/** A school named on a child's record or referral must be one of the team's partner schools. */
export async function requirePartnerSchool(tx: Tx, teamId: string, schoolId: string | null) {
  if (!schoolId) return;
  if (!(await tx.school.findFirst({ where: { id: schoolId, teamId }, select: { id: true } })))
    throw fieldError("schoolId", "Choose one of the team's partner schools");
}

/** The team manager records a child (usually with a referral); the child gets a pseudonymous code at once. */
export const createChild = command({
  parse: (body: unknown) => ({ body }),
  input: createChildSchema,
  load: async () => null,
  allow: (user) => canAddChild(user) || "Only the team manager records new children.",
  async run({ tx, user, audit }, _nothing, data) {
    await requirePartnerSchool(tx, user.organisationId, data.schoolId);
    const child = await tx.child.create({
      data: {
        code: await newChildCode(tx),
        teamId: user.organisationId,
        firstName: data.firstName,
        lastName: data.lastName,
        dateOfBirth: fromIsoDate(data.dateOfBirth),
        schoolId: data.schoolId,
        yearGroup: data.yearGroup,
        retainUntil: fromIsoDate(retainUntil(data.dateOfBirth, [])),
        contacts: {
          create: data.contacts.map((contact) => ({
            ...contact,
            consentRecordedOn: contact.consentRecordedOn ? fromIsoDate(contact.consentRecordedOn) : null,
          })),
        },
      },
    });
    await auditCreated(audit, "Child", child, { contacts: data.contacts.length });
    return { id: child.id, code: child.code };
  },
});

const CHILD_FIELDS = {
  firstName: "first name",
  lastName: "last name",
  dateOfBirth: "date of birth",
  schoolId: "school",
  yearGroup: "year group",
};

/** Corrects a child's details (the team manager, or a PE working with the child); the version guards against overwriting. */
export const updateChild = command({
  parse: (childId: string, body: unknown) => ({ childId: parseId(childId, "That child's record"), body }),
  input: updateChildSchema,
  async load({ tx, user }, input) {
    const child = await tx.child.findFirst({ where: { AND: [childrenIdentifiableTo(user), { id: input.childId }] } });
    if (!child) throw notFound("That child's record");
    return child;
  },
  allow: (user) =>
    canCorrectChildDetails(user) || "Only the team manager and the child's practice educators correct these details.",
  version: (child, input) => ({
    entity: "Child",
    id: child.id,
    current: child.version,
    expected: input.version,
    what: "this child's record",
    labels: CHILD_FIELDS,
  }),
  async run({ tx, audit }, before, data) {
    if (before.anonymisedAt) throw conflict("This record has been anonymised and can no longer change.");
    if (data.schoolId !== before.schoolId) await requirePartnerSchool(tx, before.teamId, data.schoolId);
    const next = {
      firstName: data.firstName,
      lastName: data.lastName,
      dateOfBirth: fromIsoDate(data.dateOfBirth),
      schoolId: data.schoolId,
      yearGroup: data.yearGroup,
    };
    const { count } = await tx.child.updateMany({
      where: { id: before.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0)
      throw conflict(
        "Someone else changed this child's record at the same moment. Nothing was saved: reload and try again.",
      );
    await auditUpdated(audit, "Child", before.id, before, next, { from: data.version, to: data.version + 1 });
    return { id: before.id, version: data.version + 1 };
  },
});
