// The shapes the offline snapshot API sends and the device keeps (lib/offline/snapshot.ts, lib/offline/store.ts).

/** A session's fields as the session record form holds them (lib/validations/direct-work.ts). */
export type SessionValues = {
  status: string;
  heldOn: string;
  cancelledBy: string;
  whatWasDone: string;
  childsWords: string;
  childsWordsShareable: boolean;
  studentReflection: string;
  childRating: string;
  version: number;
};

export type OfflineSession = {
  id: string;
  programmeId: string;
  /** The child's pseudonymous code: never a name on the device. */
  childCode: string;
  number: number;
  theme: string;
  plannedOn: string;
  programmeStart: string;
  programmeEnd: string;
  values: SessionValues;
};

export type OfflinePlacement = { id: string; studentName: string; startDate: string; endDate: string };

export type OfflineSnapshot = {
  userId: string;
  sessions: OfflineSession[];
  placements: OfflinePlacement[];
};

/** The fields of a session record the offline form edits and the conflict view compares, in the form's order. */
export const SESSION_FIELDS = [
  "status",
  "heldOn",
  "cancelledBy",
  "whatWasDone",
  "childsWords",
  "childsWordsShareable",
  "studentReflection",
  "childRating",
] as const;

export const SESSION_FIELD_LABELS: Record<(typeof SESSION_FIELDS)[number], string> = {
  status: "What happened",
  heldOn: "Date",
  cancelledBy: "Cancelled by",
  whatWasDone: "What was done",
  childsWords: "The child's words",
  childsWordsShareable: "The child's words may be quoted",
  studentReflection: "Your reflection",
  childRating: "The child's rating",
};
