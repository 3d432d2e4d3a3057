import { parse } from "csv-parse/sync";
import { z } from "zod";
import { hasBrokenCharacters } from "@/lib/validations/common";
import type { RoleName } from "@/lib/validations/user";

// Bulk import of people from a CSV (README "Importing people"): the pure part.
// The file is read (UTF-8, RFC 4180, by csv-parse), its columns checked, and
// every row validated by one zod schema; what the names refer to (university,
// programme, cohort) and whether the email is taken is checked against the
// database in lib/users/import-people.ts.

export const MAX_IMPORT_BYTES = 512 * 1024;
export const MAX_IMPORT_ROWS = 2000;

export const IMPORT_COLUMNS = [
  "name",
  "email",
  "role",
  "university",
  "programme",
  "cohort",
  "year",
  "level",
  "peps stage",
] as const;
const REQUIRED_COLUMNS = ["name", "email", "role"] as const;

/** The words a spreadsheet may use for each role. */
const ROLE_WORDS: Record<string, RoleName> = {
  student: "STUDENT",
  "student social worker": "STUDENT",
  tutor: "UNIVERSITY_TUTOR",
  "university tutor": "UNIVERSITY_TUTOR",
  "practice educator": "PRACTICE_EDUCATOR",
  pe: "PRACTICE_EDUCATOR",
  "on-site supervisor": "ONSITE_SUPERVISOR",
  "onsite supervisor": "ONSITE_SUPERVISOR",
  "team manager": "ADMIN",
};

export type RowProblem = { field: string; message: string };

const cleanText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `The ${label} is too long (at most ${max} characters)`)
    .refine((value) => !hasBrokenCharacters(value), `The ${label} contains a character that cannot be used`);

const rowSchema = z
  .object({
    name: cleanText("name", 200).pipe(z.string().min(1, "Enter the person's full name")),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(
        z.email({ error: "Enter an email address like name@example.org" }).max(254, "The email address is too long"),
      ),
    role: z
      .string()
      .trim()
      .toLowerCase()
      .refine(
        (value) => value in ROLE_WORDS,
        "Use one of: student, tutor, practice educator, on-site supervisor, team manager",
      )
      .transform((value) => ROLE_WORDS[value]),
    university: cleanText("university", 200),
    programme: cleanText("programme", 200),
    cohort: cleanText("cohort", 100),
    year: z.string().trim(),
    level: z.string().trim().toLowerCase(),
    "peps stage": z.string().trim(),
  })
  .transform((row, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const student = row.role === "STUDENT";
    if ((student || row.role === "UNIVERSITY_TUTOR") && !row.university) problem("university", "Enter the university");
    if (student && !row.programme) problem("programme", "Enter the student's degree programme");
    const year = Number(row.year);
    if (student && !(Number.isInteger(year) && year >= 1 && year <= 4))
      problem("year", "Enter the year of study, 1 to 4");
    if (student && row.level !== "first" && row.level !== "final")
      problem("level", "Enter the placement level: first or final");
    const peps = row["peps stage"];
    if (row.role === "PRACTICE_EDUCATOR" && peps !== "1" && peps !== "2")
      problem("peps stage", "Enter the PEPS stage: 1 or 2");
    return {
      name: row.name,
      email: row.email,
      role: row.role,
      university: row.university || null,
      programme: student ? row.programme : null,
      cohort: student && row.cohort ? row.cohort : null,
      yearOfStudy: student ? year : null,
      placementLevel: student ? (row.level === "final" ? ("FINAL" as const) : ("FIRST" as const)) : null,
      pepsStage: row.role === "PRACTICE_EDUCATOR" ? (peps === "1" ? ("STAGE_1" as const) : ("STAGE_2" as const)) : null,
    };
  });

export type ImportRow = z.output<typeof rowSchema>;

export type ParsedRow = { line: number; email: string; name: string; row: ImportRow | null; problems: RowProblem[] };

/** A whole-file problem: the file cannot be read as a list of people at all (a 413 or 422). */
export class ImportFileProblem extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

/** Reads the bytes as UTF-8 (a spreadsheet's "CSV UTF-8"), refusing anything else rather than guessing. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    throw new ImportFileProblem(
      `The file is larger than ${MAX_IMPORT_BYTES / 1024} KB: split it into smaller files.`,
      true,
    );
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportFileProblem(
      "The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8 (comma delimited)” and upload that.",
    );
  }
}

/** Parses the CSV and validates every row; every problem is reported with its line and field. */
export function parsePeopleCsv(text: string): ParsedRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ImportFileProblem(`The file is not a valid CSV${line ? ` (near line ${line})` : ""}. Check its quotes.`);
  }
  if (records.length === 0) throw new ImportFileProblem("The file is empty.");
  const header = records[0].map((cell) => cell.trim().toLowerCase().replace(/_/g, " "));
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0)
    throw new ImportFileProblem(
      `The first line must name the columns. Missing: ${missing.join(", ")}. The columns are: ${IMPORT_COLUMNS.join(", ")}.`,
    );
  const unknown = header.filter((column) => column && !(IMPORT_COLUMNS as readonly string[]).includes(column));
  if (unknown.length > 0)
    throw new ImportFileProblem(
      `Unknown columns: ${unknown.join(", ")}. The columns are: ${IMPORT_COLUMNS.join(", ")}.`,
    );
  const body = records.slice(1);
  if (body.length === 0) throw new ImportFileProblem("The file has column names but no people.");
  if (body.length > MAX_IMPORT_ROWS)
    throw new ImportFileProblem(
      `The file has ${body.length.toLocaleString("en-GB")} rows; at most ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} can be imported at once. Split it into smaller files.`,
    );

  const seen = new Map<string, number>();
  return body.map((cells, index) => {
    const line = index + 2;
    const raw = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, cells[header.indexOf(column)] ?? ""]));
    const parsed = rowSchema.safeParse(raw);
    const problems: RowProblem[] = parsed.success
      ? []
      : parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? "row"), message: issue.message }));
    const email = raw.email.trim().toLowerCase();
    if (email && seen.has(email))
      problems.push({ field: "email", message: `The same email address is on line ${seen.get(email)}` });
    else if (email) seen.set(email, line);
    return { line, email, name: raw.name.trim(), row: parsed.success ? parsed.data : null, problems };
  });
}
