import type { Prisma } from "@/lib/generated/prisma/client";
import { fromIsoDate, type IsoDate } from "@/lib/dates";

// Which version of a framework applies on a day (docs/domain.md "Frameworks
// and the portfolio"): a version is in force from its first day up to, not
// including, the day its successor starts. Evidence and observations are
// judged by the version in force on their own date.

/** The rule on dates already read: first day included, end day excluded. */
export function frameworkInForceOn(framework: { effectiveFrom: IsoDate; effectiveTo: IsoDate | null }, day: IsoDate) {
  return framework.effectiveFrom <= day && (framework.effectiveTo === null || framework.effectiveTo > day);
}

/** The same rule as a query filter, for the database to apply. */
export function frameworksInForceOn(day: IsoDate): Prisma.FrameworkWhereInput {
  const date = fromIsoDate(day);
  return { effectiveFrom: { lte: date }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: date } }] };
}

/** A new version must start after the version it replaces began, which then ends the day before. */
export function newVersionStartProblem(currentFrom: IsoDate, newFrom: IsoDate): string | null {
  return newFrom > currentFrom ? null : `The new version must apply from after ${currentFrom}, when this version began`;
}
