import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { childrenIdentifiableTo, childrenVisibleTo } from "@/lib/access/children";
import { presentChildrenFor } from "@/lib/children/children";
import { canSeeChildRecords } from "@/lib/access/navigation";
import { placementRowSelect, toPlacementRow, type PlacementRow } from "@/lib/placements/placement-summary";

// Search from the header (issue 6): placements and students the user can see,
// and children for those who work with them. Every group is scoped by the same
// access filters as its list page, so search can never show more than browsing:
//  - children: never for tutors (childrenVisibleTo gives them none anyway);
//    by code for everyone who may see the child's record, by name only among
//    the children whose identity the user may see — so a code-only viewer
//    cannot even learn that a name matches;
//  - every child name shown in the results is audited as a VIEW, like the
//    children list (presentChildrenFor).

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 100;
/** Results shown per group; the count says how many matched in all. */
export const SEARCH_GROUP_LIMIT = 20;

/** Makes %, _ and \ match themselves: Prisma's `contains` passes them to LIKE as wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export type SearchGroup<T> = { total: number; items: T[] };

export type PlacementHit = PlacementRow;

export type StudentHit = {
  id: string;
  name: string;
  email: string;
  universityName: string | null;
  placementId: string | null;
};

export type ChildHit = {
  id: string;
  code: string;
  label: string;
  name: string | null;
  schoolName: string | null;
  yearGroup: number | null;
};

export type SearchResults = {
  query: string;
  /** Too short to search (fewer than SEARCH_MIN_LENGTH characters): nothing was looked up. */
  tooShort: boolean;
  placements: SearchGroup<PlacementHit>;
  students: SearchGroup<StudentHit>;
  /** null: this user never sees children (tutors), so there is no such group. */
  children: SearchGroup<ChildHit> | null;
};

const empty = <T>(): SearchGroup<T> => ({ total: 0, items: [] });

export async function search(user: SessionUser, rawQuery: unknown): Promise<SearchResults> {
  assertVerifiedUser(user);
  const query = (typeof rawQuery === "string" ? rawQuery : "").replace(/\s+/g, " ").trim().slice(0, SEARCH_MAX_LENGTH);
  const childrenGroup = canSeeChildRecords(user) ? empty<ChildHit>() : null;
  if (query.length < SEARCH_MIN_LENGTH)
    return { query, tooShort: true, placements: empty(), students: empty(), children: childrenGroup };

  const pattern = escapeLike(query);
  const contains = { contains: pattern, mode: "insensitive" as const };
  const words = query.split(" ").map(escapeLike);
  const [placements, students, children] = await Promise.all([
    searchPlacements(user, contains),
    searchStudents(user, contains),
    childrenGroup ? searchChildren(user, contains, words) : Promise.resolve(null),
  ]);
  return { query, tooShort: false, placements, students, children };
}

type Contains = { contains: string; mode: "insensitive" };

async function searchPlacements(user: SessionUser, contains: Contains): Promise<SearchGroup<PlacementHit>> {
  const where: Prisma.PlacementWhereInput = {
    AND: [
      placementsVisibleTo(user),
      {
        OR: [
          { student: { name: contains } },
          { student: { email: contains } },
          { setting: contains },
          { student: { studentProfile: { university: { name: contains } } } },
        ],
      },
    ],
  };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.placement.count({ where }),
    db.placement.findMany({
      where,
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
      take: SEARCH_GROUP_LIMIT,
      select: placementRowSelect,
    }),
  ]);
  return {
    total,
    items: rows.map(toPlacementRow),
  };
}

/** Students on a placement the user can see; the link opens their latest such placement. */
async function searchStudents(user: SessionUser, contains: Contains): Promise<SearchGroup<StudentHit>> {
  const visible = placementsVisibleTo(user);
  const where: Prisma.UserWhereInput = {
    role: "STUDENT",
    placementsAsStudent: { some: visible },
    OR: [{ name: contains }, { email: contains }, { studentProfile: { university: { name: contains } } }],
  };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: SEARCH_GROUP_LIMIT,
      select: {
        id: true,
        name: true,
        email: true,
        studentProfile: { select: { university: { select: { name: true } } } },
        placementsAsStudent: {
          where: visible,
          orderBy: [{ startDate: "desc" }, { id: "asc" }],
          take: 1,
          select: { id: true },
        },
      },
    }),
  ]);
  return {
    total,
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      universityName: row.studentProfile?.university.name ?? null,
      placementId: row.placementsAsStudent[0]?.id ?? null,
    })),
  };
}

async function searchChildren(user: SessionUser, contains: Contains, words: string[]): Promise<SearchGroup<ChildHit>> {
  const byName: Prisma.ChildWhereInput = {
    AND: [
      childrenIdentifiableTo(user),
      { anonymisedAt: null },
      // "alfie arch" finds Alfie Archer: every word in the first or last name.
      ...words.map((word) => ({
        OR: [
          { firstName: { contains: word, mode: "insensitive" as const } },
          { lastName: { contains: word, mode: "insensitive" as const } },
        ],
      })),
    ],
  };
  const where: Prisma.ChildWhereInput = { AND: [childrenVisibleTo(user), { OR: [{ code: contains }, byName] }] };
  return getDb().$transaction(async (tx) => {
    const total = await tx.child.count({ where });
    const rows = await tx.child.findMany({
      where,
      orderBy: [{ code: "asc" }],
      take: SEARCH_GROUP_LIMIT,
      include: { school: { select: { name: true } } },
    });
    // Names only where the user may see them, each one shown audited as a VIEW.
    const presented = await presentChildrenFor(tx, user, rows, "search");
    return {
      total,
      items: presented.map((child) => ({
        id: child.id,
        code: child.code,
        label: child.label,
        name: child.name,
        schoolName: child.schoolName,
        yearGroup: child.yearGroup,
      })),
    };
  });
}
