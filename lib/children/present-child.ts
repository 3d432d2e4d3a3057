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
