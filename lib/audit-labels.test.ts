import { recordKindLabel } from "@/lib/audit-labels";

describe("a kind of record in words", () => {
  it("uses the practitioners' name where the model's would mislead", () => {
    expect(recordKindLabel("User")).toBe("Account");
    expect(recordKindLabel("Programme")).toBe("Degree programme");
    expect(recordKindLabel("ProgrammeSession")).toBe("Direct-work session");
  });

  it("spells out any other model name as words, keeping abbreviations in capitals", () => {
    expect(recordKindLabel("SupervisionRecord")).toBe("Supervision record");
    expect(recordKindLabel("AttendanceDay")).toBe("Attendance day");
    expect(recordKindLabel("ApiToken")).toBe("API token");
    expect(recordKindLabel("PEPSRegisterEntry")).toBe("PEPS register entry");
    expect(recordKindLabel("Child")).toBe("Child");
  });
});
