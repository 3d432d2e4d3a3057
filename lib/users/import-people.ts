import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Role } from "@/lib/generated/prisma/client";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canImportPeople, rolesImportableBy } from "@/lib/access/admin";
import { command } from "@/lib/core/command";
import { AppError, forbidden, tooLarge } from "@/lib/errors";
import { sendInvitation } from "@/lib/users/invitations";
import { ROLE_LABELS } from "@/lib/validations/user";
import { decodeCsv, ImportFileProblem, parsePeopleCsv, type ImportRow, type ParsedRow } from "@/lib/users/import-rules";

// Bulk import of people from a CSV (README "Importing people"). The preview
// checks every row against the rules (lib/users/import-rules.ts) and the
// database: the role the importer may create, the university, programme and
// cohort by name, and whether the email already has an account (reported,
// never overwritten, so uploading the same file again creates nobody twice).
// The import writes the valid rows in one transaction, each with an
// invitation email; rows with problems are left out and listed.

const NOT_ALLOWED = "Only the team manager, or a university tutor for their own university, can import people.";

export type PreviewRow = {
  line: number;
  name: string;
  email: string;
  role: string | null;
  problems: Array<{ field: string; message: string }>;
  /** Already has an account: left as it is. */
  existing: boolean;
};

type Resolved = { row: ImportRow; organisationId: string; programmeId: string | null; cohortId: string | null };

function readFile(bytes: Uint8Array): ParsedRow[] {
  try {
    return parsePeopleCsv(decodeCsv(bytes));
  } catch (error) {
    if (error instanceof ImportFileProblem)
      throw error.tooLarge ? tooLarge(error.message) : new AppError("validation", error.message);
    throw error;
  }
}

/** Checks the parsed rows against the database; returns what the preview shows and what the import would create. */
async function check(tx: Tx, user: SessionUser, parsed: ParsedRow[]) {
  const allowedRoles = rolesImportableBy(user);
  const universities = await tx.organisation.findMany({
    where: { kind: "UNIVERSITY", ...(user.role === "UNIVERSITY_TUTOR" ? { id: user.organisationId } : {}) },
    select: {
      id: true,
      name: true,
      degreeProgrammes: { select: { id: true, name: true, cohorts: { select: { id: true, name: true } } } },
    },
  });
  const byName = (name: string) => universities.find((u) => u.name.toLowerCase() === name.toLowerCase());
  const emails = parsed.map((row) => row.email).filter(Boolean);
  const taken = new Set(
    (await tx.user.findMany({ where: { email: { in: emails } }, select: { email: true } })).map((row) => row.email),
  );

  const preview: PreviewRow[] = [];
  const valid: Resolved[] = [];
  for (const parsedRow of parsed) {
    const problems = [...parsedRow.problems];
    const existing = taken.has(parsedRow.email);
    if (existing) problems.push({ field: "email", message: "Already has an account: left as it is" });
    const row = parsedRow.row;
    let resolved: Resolved | null = null;
    if (row && problems.length === 0) {
      const complain = (field: string, message: string) => problems.push({ field, message });
      if (!allowedRoles.includes(row.role))
        complain("role", `You cannot import a ${ROLE_LABELS[row.role].toLowerCase()}`);
      let organisationId = user.organisationId;
      let programmeId: string | null = null;
      let cohortId: string | null = null;
      if (row.role === "STUDENT" || row.role === "UNIVERSITY_TUTOR") {
        const university = byName(row.university ?? "");
        if (!university)
          complain(
            "university",
            user.role === "UNIVERSITY_TUTOR"
              ? "Not your university"
              : `There is no university called “${row.university}”`,
          );
        else {
          organisationId = university.id;
          if (row.role === "STUDENT") {
            const programme = university.degreeProgrammes.find(
              (p) => p.name.toLowerCase() === row.programme?.toLowerCase(),
            );
            if (!programme)
              complain("programme", `${university.name} has no degree programme called “${row.programme}”`);
            else {
              programmeId = programme.id;
              if (row.cohort) {
                const cohort = programme.cohorts.find((c) => c.name.toLowerCase() === row.cohort?.toLowerCase());
                if (!cohort) complain("cohort", `${programme.name} has no cohort called “${row.cohort}”`);
                else cohortId = cohort.id;
              }
            }
          }
        }
      }
      if (problems.length === 0) resolved = { row, organisationId, programmeId, cohortId };
    }
    if (resolved) valid.push(resolved);
    preview.push({
      line: parsedRow.line,
      name: parsedRow.name,
      email: parsedRow.email,
      role: row ? ROLE_LABELS[row.role] : null,
      problems,
      existing,
    });
  }
  return { preview, valid };
}

/** The preview: every row with its problems in words; nothing is written. */
export async function previewImport(user: SessionUser, bytes: Uint8Array) {
  assertVerifiedUser(user);
  if (!canImportPeople(user)) throw forbidden(NOT_ALLOWED);
  const parsed = readFile(bytes);
  const { preview, valid } = await check(getDb(), user, parsed);
  return { rows: preview, ready: valid.length };
}

/**
 * Imports the valid rows in one transaction, each person invited by email
 * once it commits; rows with problems (existing accounts included) are left
 * out and returned. The file is checked again inside the transaction: what
 * the preview showed may have changed since.
 */
export const importPeople = command({
  parse: (bytes: Uint8Array) => ({ bytes }),
  load: async () => null,
  allow: (user) => canImportPeople(user) || NOT_ALLOWED,
  async run(ctx, _nothing, { bytes }) {
    const parsed = readFile(bytes);
    const { preview, valid } = await check(ctx.tx, ctx.user, parsed);
    for (const { row, organisationId, programmeId, cohortId } of valid) {
      const created = await ctx.tx.user.create({
        data: {
          name: row.name,
          email: row.email,
          role: row.role as Role,
          organisationId,
          pepsStage: row.pepsStage,
          studentProfile:
            row.role === "STUDENT"
              ? {
                  create: {
                    universityId: organisationId,
                    programmeId: programmeId!,
                    cohortId,
                    yearOfStudy: row.yearOfStudy!,
                    placementLevel: row.placementLevel!,
                  },
                }
              : undefined,
        },
      });
      await ctx.audit.created("User", created, { invited: true, imported: true });
      await sendInvitation(ctx, created);
    }
    return { imported: valid.length, leftOut: preview.filter((row) => row.problems.length > 0) };
  },
});
