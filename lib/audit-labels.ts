// How the audit log names the kinds of record it holds, in words rather than model names.

/** A kind of record in words: a few by the name practitioners use, the rest from the model's name ("SupervisionRecord" → "Supervision record"). */
export function recordKindLabel(entity: string): string {
  const named = RECORD_KIND_LABELS[entity];
  if (named) return named;
  const words = entity
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(" ")
    .map((word) => (/^[A-Z]{2,}$/.test(word) ? word : word.toLowerCase()))
    .map((word) => (word === "api" ? "API" : word));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const RECORD_KIND_LABELS: Record<string, string> = {
  User: "Account",
  Organisation: "University or team",
  Programme: "Degree programme",
  PracticeEducatorAssignment: "Practice educator assignment",
  Notifications: "Someone's notifications",
  DirectWorkProgramme: "Direct-work programme",
  ProgrammeSession: "Direct-work session",
};
