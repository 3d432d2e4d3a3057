import { decodeCsv, ImportFileProblem, MAX_IMPORT_ROWS, parsePeopleCsv } from "@/lib/users/import-rules";

const HEADER = "name,email,role,university,programme,cohort,year,level,peps stage";

describe("reading a CSV of people", () => {
  it("reads students, tutors and practice educators, with quoted fields and a BOM", () => {
    const rows = parsePeopleCsv(
      `\uFEFF${HEADER}\r\n"Okafor, Daniel",D.Okafor@Uni.example.ac.uk,Student,Severnside University,BA Social Work,2025 intake,2,final,\r\nHelen Marsh,h.marsh@uni.example.ac.uk,tutor,Severnside University,,,,,\r\nPriya Shah,priya@pop.example.org,practice educator,,,,,,2\r\n`,
    );
    expect(rows.map((row) => row.problems)).toEqual([[], [], []]);
    expect(rows[0]).toMatchObject({
      line: 2,
      row: {
        name: "Okafor, Daniel",
        email: "d.okafor@uni.example.ac.uk",
        role: "STUDENT",
        programme: "BA Social Work",
        cohort: "2025 intake",
        yearOfStudy: 2,
        placementLevel: "FINAL",
      },
    });
    expect(rows[1].row).toMatchObject({ role: "UNIVERSITY_TUTOR", programme: null, yearOfStudy: null });
    expect(rows[2].row).toMatchObject({ role: "PRACTICE_EDUCATOR", pepsStage: "STAGE_2", university: null });
  });

  it("reports every problem of every row with its line and field, and a repeated email", () => {
    const rows = parsePeopleCsv(
      `${HEADER}\n,not-an-email,wizard,,,,,,\nAmy Student,amy@uni.example.ac.uk,student,Severnside University,,,7,middle,\nAmy Again,AMY@uni.example.ac.uk,tutor,Severnside University,,,,,\n`,
    );
    expect(rows[0].problems).toEqual(
      expect.arrayContaining([
        { field: "name", message: "Enter the person's full name" },
        { field: "email", message: "Enter an email address like name@example.org" },
        { field: "role", message: expect.stringContaining("Use one of") },
      ]),
    );
    expect(rows[1].problems.map((problem) => problem.field).sort()).toEqual(["level", "programme", "year"]);
    expect(rows[2]).toMatchObject({
      line: 4,
      problems: [{ field: "email", message: "The same email address is on line 3" }],
    });
  });

  it("refuses a file with wrong or missing columns, no rows, too many rows, broken quotes, or not UTF-8", () => {
    const problem = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(ImportFileProblem);
        return (error as Error).message;
      }
      throw new Error("no problem reported");
    };
    expect(problem(() => parsePeopleCsv("full name,mail\nA,b@c.org\n"))).toContain("Missing: name, email, role");
    expect(problem(() => parsePeopleCsv(`${HEADER},shoe size\n`))).toContain("Unknown columns: shoe size");
    expect(problem(() => parsePeopleCsv(`${HEADER}\n`))).toContain("no people");
    expect(problem(() => parsePeopleCsv(""))).toContain("empty");
    expect(problem(() => parsePeopleCsv(`${HEADER}\n"unclosed,a@b.org,student\n`))).toContain("not a valid CSV");
    const many = `${HEADER}\n${Array.from({ length: 10_000 }, (_, i) => `P ${i},p${i}@x.org,tutor,U,,,,,`).join("\n")}`;
    expect(problem(() => parsePeopleCsv(many))).toContain(`at most ${MAX_IMPORT_ROWS.toLocaleString("en-GB")}`);
    expect(problem(() => decodeCsv(Uint8Array.from([0x6e, 0x61, 0x6d, 0x65, 0xff, 0xfe])))).toContain("not UTF-8");
    const big = new Uint8Array(600 * 1024).fill(0x61);
    try {
      decodeCsv(big);
      throw new Error("no problem reported");
    } catch (error) {
      expect((error as ImportFileProblem).tooLarge).toBe(true);
    }
  });
});
