import "server-only";
import type { Tx } from "@/lib/db";
import { fieldError, invalid } from "@/lib/errors";
import { formatDate, toIsoDate } from "@/lib/dates";
import { childNameWarning, findChildNames } from "@/lib/portfolio/child-name-check";
import { childrenOfStudent } from "@/lib/portfolio/portfolio-scope";
import { frameworkInForceOn } from "@/lib/frameworks/in-force";
import type { EvidenceValues } from "@/lib/validations/evidence";

// The checks an evidence write makes against the database, inside its
// transaction: links to the framework version in force on the evidence's
// date, a child code of the student's own children, and no child's name
// where the university will read it (docs/domain.md "Frameworks and the portfolio").

/** Every link must be to an item of a framework version in force on the evidence's date. */
export async function assertLinksInForce(tx: Tx, data: Pick<EvidenceValues, "links" | "occurredOn">) {
  const ids = data.links.map((link) => link.frameworkItemId);
  const items = await tx.frameworkItem.findMany({ where: { id: { in: ids } }, include: { framework: true } });
  const errors: Record<string, string[]> = {};
  data.links.forEach((link, index) => {
    const item = items.find((candidate) => candidate.id === link.frameworkItemId);
    const framework = item && {
      effectiveFrom: toIsoDate(item.framework.effectiveFrom),
      effectiveTo: item.framework.effectiveTo ? toIsoDate(item.framework.effectiveTo) : null,
    };
    if (!item || !framework) {
      errors[`links.${index}.frameworkItemId`] = [
        "One of the capabilities chosen does not exist: choose again from the list",
      ];
    } else if (!frameworkInForceOn(framework, data.occurredOn)) {
      errors[`links.${index}.frameworkItemId`] = [
        `"${item.name}" is from ${item.framework.code} ${item.framework.version}, which is not the version in force on ${formatDate(data.occurredOn)}: choose the capability from the version in force on that date`,
      ];
    }
  });
  const first = Object.values(errors)[0]?.[0];
  if (first) throw invalid(first, { links: [first], ...errors });
}

/** A child code must be one of the student's own allocated children: the code is how evidence refers to them. */
export async function assertChildAllocated(tx: Tx, studentId: string, code: string | null) {
  if (!code) return;
  const allocated = await tx.allocation.findFirst({ where: { studentId, child: { code } }, select: { id: true } });
  if (!allocated) {
    const message = `${code} is not the code of a child allocated to you. Check the code on your caseload.`;
    throw fieldError("childCode", message, message);
  }
}

/** The codes of the student's children whose names appear in the texts (empty when none do). */
export async function childNamesIn(tx: Tx, studentId: string, texts: ReadonlyArray<string | null | undefined>) {
  return findChildNames(texts, await childrenOfStudent(tx, studentId));
}

/**
 * Refuses text the university will read if it holds the name of one of the
 * student's children: the message names the child's code, never the name.
 */
export async function assertNoChildNames(
  tx: Tx,
  studentId: string,
  field: string,
  texts: ReadonlyArray<string | null | undefined>,
  why: string,
) {
  const warning = childNameWarning(await childNamesIn(tx, studentId, texts));
  if (warning) {
    const message = `${warning} ${why}`;
    throw fieldError(field, message, message);
  }
}
