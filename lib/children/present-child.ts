import { toIsoDate } from "@/lib/dates";

type ChildRow = {
  id: string;
  code: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  yearGroup: number | null;
  anonymisedAt: Date | null;
  school?: { name: string } | null;
};

export type ChildSummary = {
  id: string;
  code: string;
  /** null unless the viewer may see the child's identity. */
  name: string | null;
  dateOfBirth: string | null;
  yearGroup: number | null;
  schoolName: string | null;
  anonymised: boolean;
  /** What to show: the name where allowed, otherwise the code. */
  label: string;
};

/** The one place a child's identity is put into a DTO: without `identifiable` only the code leaves the server. */
export function presentChild(child: ChildRow, identifiable: boolean): ChildSummary {
  const name = identifiable && !child.anonymisedAt ? `${child.firstName} ${child.lastName}`.trim() : null;
  return {
    id: child.id,
    code: child.code,
    name,
    dateOfBirth: identifiable && !child.anonymisedAt ? toIsoDate(child.dateOfBirth) : null,
    yearGroup: child.yearGroup,
    schoolName: child.school?.name ?? null,
    anonymised: Boolean(child.anonymisedAt),
    label: name ? `${name} (${child.code})` : child.code,
  };
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Takes out what would identify the child in free text: their names and their code. */
export function redactChild(text: string, child: { firstName: string; lastName: string; code: string }): string {
  const words = [child.firstName, child.lastName, ...`${child.firstName} ${child.lastName}`.split(/\s+/)]
    .map((word) => word.trim())
    .filter((word) => word.length >= 2);
  let result = text.replace(new RegExp(escapeRegExp(child.code), "gi"), "[child]");
  for (const word of new Set(words))
    result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, "giu"), "[name]");
  return result.replace(/\bC-\d{4,6}\b/g, "[child]");
}
