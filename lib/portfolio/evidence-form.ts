import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { isStudentOf, placementOpenForPortfolio } from "@/lib/access/portfolio";
import { parseId } from "@/lib/core/command";
import { conflict, forbidden } from "@/lib/errors";
import { toIsoDate } from "@/lib/dates";
import { compareFrameworkCodes, evidenceLockedReason, type EvidenceStatusName } from "@/lib/portfolio/evidence-rules";
import {
  childrenOfStudent,
  evidenceInScope,
  portfolioPlacement,
  summarisePortfolioPlacement,
  type PortfolioPlacement,
} from "@/lib/portfolio/portfolio-scope";
import type { EvidenceTypeName } from "@/lib/validations/evidence";

// What the student's evidence form starts from: the framework versions to
// choose capabilities from and their own children's codes.

export type FrameworkChoice = {
  id: string;
  code: string;
  name: string;
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  items: Array<{ id: string; number: number; name: string }>;
};

/** Every framework version with its items, for the capability picker (the form shows those in force on the chosen date). */
export async function listFrameworkChoices(): Promise<FrameworkChoice[]> {
  const frameworks = await getDb().framework.findMany({
    orderBy: [{ code: "asc" }, { effectiveFrom: "asc" }],
    include: { items: { orderBy: { number: "asc" }, select: { id: true, number: true, name: true } } },
  });
  return frameworks
    .sort((a, b) => compareFrameworkCodes(a.code, b.code))
    .map((framework) => ({
      id: framework.id,
      code: framework.code,
      name: framework.name,
      version: framework.version,
      effectiveFrom: toIsoDate(framework.effectiveFrom),
      effectiveTo: framework.effectiveTo ? toIsoDate(framework.effectiveTo) : null,
      items: framework.items,
    }));
}

/** The form is the student's, for an item they may still change: otherwise a 403 or a 409 saying why. */
function assertStudentMayWrite(user: SessionUser, placement: PortfolioPlacement, status: EvidenceStatusName) {
  if (!isStudentOf(user, placement)) throw forbidden("Only the student whose placement this is writes its evidence.");
  if (!placementOpenForPortfolio(placement)) throw conflict("This placement has finished: its portfolio is read-only.");
  const locked = evidenceLockedReason(status);
  if (locked) throw conflict(locked);
}

async function formBasics(placement: PortfolioPlacement) {
  const [frameworks, children] = await Promise.all([
    listFrameworkChoices(),
    childrenOfStudent(getDb(), placement.studentId),
  ]);
  return {
    placement: summarisePortfolioPlacement(placement),
    frameworks,
    childCodes: [...new Set(children.map((child) => child.code))].sort(),
  };
}

/** The new-evidence form: the frameworks and the student's children by code. Only the student may open it. */
export async function getNewEvidenceForm(user: SessionUser, placementId: string) {
  const placement = await portfolioPlacement(getDb(), user, parseId(placementId, "That placement's portfolio"));
  assertStudentMayWrite(user, placement, "DRAFT");
  return formBasics(placement);
}

/** The edit form's starting point: the item as it is, with its version. */
export async function getEvidenceEditForm(user: SessionUser, evidenceId: string) {
  const { item, placement } = await evidenceInScope(getDb(), user, parseId(evidenceId, "That evidence"));
  assertStudentMayWrite(user, placement, item.status);
  return {
    ...(await formBasics(placement)),
    evidence: {
      id: item.id,
      status: item.status as EvidenceStatusName,
      initial: {
        title: item.title,
        occurredOn: toIsoDate(item.occurredOn),
        type: item.type as EvidenceTypeName,
        body: item.body,
        childCode: item.childCode ?? "",
        links: item.links.map((link) => ({ frameworkItemId: link.frameworkItemId, note: link.note })),
      },
      version: item.version,
    },
  };
}
