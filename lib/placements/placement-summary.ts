import type { Prisma } from "@/lib/generated/prisma/client";
import { toIsoDate, type IsoDate } from "@/lib/dates";
import type { PlacementStatusName } from "@/lib/placements/status-rules";

// How a placement is described, written once: as a row of a table (lists,
// dashboards, search) and as the header of each of its pages (supervision,
// portfolio, reviews). Each is a Prisma select and the function that turns
// what it selects into a plain object; a query that needs more spreads the
// select and adds to it.

/** The current practice educator: the one spell with no end date. A query may select every spell instead. */
const currentPracticeEducator = {
  where: { endDate: null },
  take: 1,
  select: { practiceEducatorId: true, endDate: true, practiceEducator: { select: { name: true } } },
} satisfies Prisma.Placement$practiceEducatorsArgs;

const studentWithProfile = {
  select: {
    id: true,
    name: true,
    studentProfile: {
      select: {
        university: { select: { id: true, name: true } },
        programme: { select: { name: true } },
        cohort: { select: { name: true } },
      },
    },
  },
} satisfies Prisma.UserDefaultArgs;

/** What a placement table shows of each placement. */
export const placementRowSelect = {
  id: true,
  setting: true,
  level: true,
  status: true,
  startDate: true,
  endDate: true,
  requiredDays: true,
  updatedAt: true,
  team: { select: { name: true } },
  student: studentWithProfile,
  practiceEducators: currentPracticeEducator,
} satisfies Prisma.PlacementSelect;

export type PlacementRowData = Prisma.PlacementGetPayload<{ select: typeof placementRowSelect }>;

export type PlacementRow = {
  id: string;
  studentId: string;
  studentName: string;
  universityName: string | null;
  /** The student's degree programme. */
  programmeName: string | null;
  cohortName: string | null;
  /** The team hosting the placement. */
  teamName: string;
  setting: string;
  level: "FIRST" | "FINAL";
  status: PlacementStatusName;
  startDate: IsoDate;
  endDate: IsoDate;
  requiredDays: number;
  practiceEducatorName: string | null;
  updatedAt: string;
};

type Spell = { practiceEducatorId: string; endDate: Date | null; practiceEducator: { name: string } };
const currentOf = (spells: Spell[]) => spells.find((spell) => spell.endDate === null) ?? null;

export function toPlacementRow(row: PlacementRowData): PlacementRow {
  const profile = row.student.studentProfile;
  return {
    id: row.id,
    studentId: row.student.id,
    studentName: row.student.name,
    universityName: profile?.university.name ?? null,
    programmeName: profile?.programme.name ?? null,
    cohortName: profile?.cohort?.name ?? null,
    teamName: row.team.name,
    setting: row.setting,
    level: row.level,
    status: row.status,
    startDate: toIsoDate(row.startDate),
    endDate: toIsoDate(row.endDate),
    requiredDays: row.requiredDays,
    practiceEducatorName: currentOf(row.practiceEducators)?.practiceEducator.name ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the header of each of a placement's pages shows: who, where, when, and the people around the student. */
export const placementHeaderSelect = {
  id: true,
  studentId: true,
  setting: true,
  level: true,
  status: true,
  startDate: true,
  endDate: true,
  requiredDays: true,
  observationsRequired: true,
  student: studentWithProfile,
  onsiteSupervisor: { select: { id: true, name: true } },
  tutor: { select: { id: true, name: true } },
  practiceEducators: currentPracticeEducator,
} satisfies Prisma.PlacementSelect;

export type PlacementHeaderData = Prisma.PlacementGetPayload<{ select: typeof placementHeaderSelect }>;

export type PlacementHeader = {
  id: string;
  studentId: string;
  studentName: string;
  universityId: string | null;
  universityName: string | null;
  programmeName: string | null;
  cohortName: string | null;
  setting: string;
  level: "FIRST" | "FINAL";
  status: PlacementStatusName;
  startDate: IsoDate;
  endDate: IsoDate;
  requiredDays: number;
  observationsRequired: number;
  currentPracticeEducatorId: string | null;
  practiceEducatorName: string | null;
  onsiteSupervisorName: string | null;
  tutorName: string | null;
};

export function toPlacementHeader(row: PlacementHeaderData): PlacementHeader {
  const profile = row.student.studentProfile;
  const current = currentOf(row.practiceEducators);
  return {
    id: row.id,
    studentId: row.studentId,
    studentName: row.student.name,
    universityId: profile?.university.id ?? null,
    universityName: profile?.university.name ?? null,
    programmeName: profile?.programme.name ?? null,
    cohortName: profile?.cohort?.name ?? null,
    setting: row.setting,
    level: row.level,
    status: row.status,
    startDate: toIsoDate(row.startDate),
    endDate: toIsoDate(row.endDate),
    requiredDays: row.requiredDays,
    observationsRequired: row.observationsRequired,
    currentPracticeEducatorId: current?.practiceEducatorId ?? null,
    practiceEducatorName: current?.practiceEducator.name ?? null,
    onsiteSupervisorName: row.onsiteSupervisor?.name ?? null,
    tutorName: row.tutor?.name ?? null,
  };
}
