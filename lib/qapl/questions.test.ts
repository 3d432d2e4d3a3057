import { academicYearOf, aggregateRatings, QAPL_MINIMUM_GROUP, QAPL_QUESTIONS } from "./questions";

const questions = QAPL_QUESTIONS.STUDENT;
const answers = (rating: number) => ({ ratings: Object.fromEntries(questions.map((q) => [q.code, rating])) });

describe("aggregating QAPL ratings", () => {
  it("gives nothing but the count below the minimum group", () => {
    const group = [answers(1), answers(5), answers(4), answers(2)];
    const result = aggregateRatings(group, questions, QAPL_MINIMUM_GROUP);
    expect(result.responses).toBe(4);
    expect(result.suppressed).toBe(true);
    expect(Object.values(result.averages).every((value) => value === null)).toBe(true);
  });

  it("gives the mean to one decimal place from the minimum group up", () => {
    const group = [answers(1), answers(5), answers(4), answers(2), answers(4)];
    const result = aggregateRatings(group, questions, QAPL_MINIMUM_GROUP);
    expect(result.suppressed).toBe(false);
    expect(result.averages.induction).toBe(3.2);
  });

  it("ignores missing and out-of-range answers for a question", () => {
    const group = [answers(4), answers(4), { ratings: { induction: 9 } }, { ratings: {} }, answers(5)];
    expect(aggregateRatings(group, questions, 5).averages.induction).toBe(4.3);
    expect(aggregateRatings([], questions, 0).averages.induction).toBeNull();
  });
});

describe("the academic year", () => {
  it("runs from September to August", () => {
    expect(academicYearOf("2026-08-31")).toBe("2025/26");
    expect(academicYearOf("2026-09-01")).toBe("2026/27");
    expect(academicYearOf("2099-12-01")).toBe("2099/00");
  });
});
