// Where a concern was raised from, in words, with a link where the record has a page.
const SOURCES: Record<string, { label: string; path?: (id: string) => string }> = {
  ChildAssessment: { label: "Child and family assessment", path: (id) => `/assessments/${id}` },
  LifeStoryWork: { label: "Life story work", path: (id) => `/life-story/${id}` },
  DirectWorkProgramme: { label: "Direct work programme", path: (id) => `/programmes/${id}` },
  ProgrammeSession: { label: "Direct work session" },
  Allocation: { label: "Allocation of work" },
  Child: { label: "Child's record" },
};

export function concernSource(
  sourceEntity: string | null,
  sourceId: string | null,
): { label: string; href: string | null } | null {
  if (!sourceEntity) return null;
  const known = SOURCES[sourceEntity];
  if (!known) return { label: sourceEntity, href: null };
  return { label: known.label, href: known.path && sourceId ? known.path(sourceId) : null };
}
