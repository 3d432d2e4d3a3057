import {
  addendumAllowed,
  peNotesEditable,
  signAsPracticeEducator,
  signAsStudent,
  studentReflectionEditable,
  studentSignatureProblem,
} from "@/lib/supervision/sign-off";

describe("signing a supervision record", () => {
  it("takes the practice educator's signature first, and only once", () => {
    expect(signAsPracticeEducator("DRAFT")).toEqual({ ok: true, status: "PE_SIGNED" });
    expect(signAsPracticeEducator("PE_SIGNED")).toMatchObject({ ok: false });
    expect(signAsPracticeEducator("SIGNED")).toMatchObject({ ok: false });
  });

  it("takes the student's signature second, and only once", () => {
    expect(signAsStudent("DRAFT")).toEqual({
      ok: false,
      reason: "The practice educator signs first; this record is still a draft.",
    });
    expect(signAsStudent("PE_SIGNED")).toEqual({ ok: true, status: "SIGNED" });
    expect(signAsStudent("SIGNED")).toEqual({ ok: false, reason: "You have already signed this record." });
  });

  it("needs the student's reflection or a comment saying what they disagree with", () => {
    expect(studentSignatureProblem("  ", null)).toBe("Write your reflection on the session before you sign");
    expect(studentSignatureProblem("", " ")).toBe("Write your reflection on the session before you sign");
    expect(studentSignatureProblem("I learned to slow down.", null)).toBeNull();
    expect(studentSignatureProblem("", "The notes miss my point.")).toBeNull();
  });

  it("locks the notes at the practice educator's signature and the reflection at the student's", () => {
    expect([peNotesEditable("DRAFT"), peNotesEditable("PE_SIGNED"), peNotesEditable("SIGNED")]).toEqual([
      true,
      false,
      false,
    ]);
    expect([
      studentReflectionEditable("DRAFT"),
      studentReflectionEditable("PE_SIGNED"),
      studentReflectionEditable("SIGNED"),
    ]).toEqual([true, true, false]);
  });

  it("takes addenda only once a record is signed", () => {
    expect([addendumAllowed("DRAFT"), addendumAllowed("PE_SIGNED"), addendumAllowed("SIGNED")]).toEqual([
      false,
      true,
      true,
    ]);
  });
});
