import { z } from "zod";
import { notes } from "@/lib/validations/common";
import { QAPL_QUESTIONS, type QaplRespondentName } from "@/lib/qapl/questions";

const rating = (text: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && /^[1-5]$/.test(value) ? Number(value) : value),
    z
      .number({ error: `Rate: ${text}` })
      .int(`Rate: ${text}`)
      .min(1, `Rate: ${text}`)
      .max(5, `Rate: ${text}`),
  );

/** The evaluation form of one respondent: a rating from 1 to 5 for each of their questions, and comments. */
export function qaplEvaluationSchema(respondent: QaplRespondentName) {
  return z.object({
    ratings: z
      .object(Object.fromEntries(QAPL_QUESTIONS[respondent].map((question) => [question.code, rating(question.text)])))
      .strict(),
    comments: notes("comments", 4000),
  });
}

export type QaplEvaluationInput = { ratings: Record<string, number | string>; comments?: string };
