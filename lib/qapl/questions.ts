// QAPL (BASW's Quality Assurance in Practice Learning) evaluations at the end
// of a placement: the student, the practice educator and the placement
// provider each rate the placement (docs/domain.md "QAPL evaluations").
// Student answers reach the team only aggregated across at least
// QAPL_MINIMUM_GROUP students, so no one student can be picked out.

export type QaplRespondentName = "STUDENT" | "PRACTICE_EDUCATOR" | "PROVIDER";

export type QaplQuestion = { code: string; text: string };

export const QAPL_QUESTIONS: Record<QaplRespondentName, readonly QaplQuestion[]> = {
  STUDENT: [
    { code: "induction", text: "Induction to the team and setting" },
    { code: "learning_opportunities", text: "Learning opportunities offered" },
    { code: "workload", text: "A manageable workload" },
    { code: "supervision_quality", text: "Quality of supervision" },
    { code: "supervision_frequency", text: "Supervision as often as agreed" },
    { code: "diversity_of_work", text: "Diversity of the work" },
    { code: "support", text: "Support from the team" },
    { code: "resources", text: "Resources: desk, IT, travel, records access" },
    { code: "safety", text: "Feeling safe in practice" },
  ],
  PRACTICE_EDUCATOR: [
    { code: "university_support", text: "Support from the university" },
    { code: "student_preparation", text: "The student's preparation for the placement" },
    { code: "workload_allowance", text: "Time allowed for the practice educator role" },
    { code: "team_support", text: "Support from the team and manager" },
  ],
  PROVIDER: [
    { code: "university_partnership", text: "Partnership with the university" },
    { code: "student_preparation", text: "The student's preparation for the placement" },
    { code: "educator_capacity", text: "Capacity of practice educators for the placement" },
    { code: "student_contribution", text: "The student's contribution to the team" },
  ],
};

export const QAPL_RESPONDENT_LABELS: Record<QaplRespondentName, string> = {
  STUDENT: "Student",
  PRACTICE_EDUCATOR: "Practice educator",
  PROVIDER: "Placement provider",
};

export const QAPL_RATING_LABELS: Record<number, string> = {
  1: "1 – poor",
  2: "2 – needs improvement",
  3: "3 – adequate",
  4: "4 – good",
  5: "5 – excellent",
};

/** The smallest group of students whose answers are shown to a team, aggregated. */
export const QAPL_MINIMUM_GROUP = 5;

export type QaplAggregate = {
  responses: number;
  /** True when the group is too small to show: no averages are given then. */
  suppressed: boolean;
  /** Question code → mean rating to one decimal place; null when suppressed or unanswered. */
  averages: Record<string, number | null>;
};

/**
 * The mean rating per question across a group's evaluations. With fewer than
 * `minimum` responses nothing but the count is given: an average of two
 * answers lets a PE guess who said what.
 */
export function aggregateRatings(
  evaluations: ReadonlyArray<{ ratings: Record<string, unknown> }>,
  questions: readonly QaplQuestion[],
  minimum: number,
): QaplAggregate {
  const suppressed = evaluations.length < minimum;
  const averages: Record<string, number | null> = {};
  for (const question of questions) {
    const values = evaluations
      .map((evaluation) => evaluation.ratings[question.code])
      .filter((value): value is number => typeof value === "number" && value >= 1 && value <= 5);
    averages[question.code] =
      suppressed || values.length === 0
        ? null
        : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;
  }
  return { responses: evaluations.length, suppressed, averages };
}

/** The academic year a placement ending on `endDate` counts in: September to August ("2025/26"). */
export function academicYearOf(endDate: string): string {
  const year = Number(endDate.slice(0, 4));
  const month = Number(endDate.slice(5, 7));
  const start = month >= 9 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}
