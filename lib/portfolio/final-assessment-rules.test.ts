import {
  missingBeforePeSigns,
  needsRatification,
  peFieldsEditable,
  ratifierWarning,
  sign,
  studentReflectionEditable,
  waitingFor,
  type SignState,
} from "./final-assessment-rules";

const CODES = ["A", "B", "C"];
const base: SignState = {
  status: "PE_SIGNED",
  studentSignedAt: null,
  onsiteSignedAt: null,
  hasOnsiteSupervisor: false,
  level: "FIRST",
  assessorStage: "STAGE_2",
};

describe("what is editable when", () => {
  it("lets the PE edit only a draft", () => {
    expect(peFieldsEditable("DRAFT")).toBe(true);
    for (const status of ["PE_SIGNED", "AWAITING_RATIFICATION", "COMPLETE"] as const)
      expect(peFieldsEditable(status)).toBe(false);
  });
  it("lets the student edit their reflection until they sign", () => {
    expect(studentReflectionEditable("DRAFT", null)).toBe(true);
    expect(studentReflectionEditable("PE_SIGNED", null)).toBe(true);
    expect(studentReflectionEditable("PE_SIGNED", new Date())).toBe(false);
    expect(studentReflectionEditable("COMPLETE", null)).toBe(false);
  });
});

describe("PEPS ratification", () => {
  it("is needed only for a final placement without a stage 2 assessor", () => {
    expect(needsRatification("FINAL", "STAGE_1")).toBe(true);
    expect(needsRatification("FINAL", null)).toBe(true);
    expect(needsRatification("FINAL", "STAGE_2")).toBe(false);
    expect(needsRatification("FIRST", "STAGE_1")).toBe(false);
  });
  it("warns about a final placement and a stage 1 PE, and only then", () => {
    expect(ratifierWarning("FINAL", "STAGE_1")).toMatch(/stage 2 practice educator to ratify/);
    expect(ratifierWarning("FINAL", "STAGE_2")).toBeNull();
    expect(ratifierWarning("FIRST", "STAGE_1")).toBeNull();
  });
});

describe("before the PE signs", () => {
  it("needs the summary, a recommendation and every domain", () => {
    const missing = missingBeforePeSigns(
      { holisticSummary: " ", recommendation: null, domains: { A: "fine", B: "  " } },
      CODES,
    );
    expect(Object.keys(missing).sort()).toEqual(["domains.B", "domains.C", "holisticSummary", "recommendation"]);
  });
  it("is satisfied by a complete report", () => {
    expect(
      missingBeforePeSigns(
        { holisticSummary: "Good", recommendation: "PASS", domains: { A: "a", B: "b", C: "c" } },
        CODES,
      ),
    ).toEqual({});
  });
});

describe("signing", () => {
  it("takes the PE's signature once, from a draft", () => {
    expect(sign("PRACTICE_EDUCATOR", { ...base, status: "DRAFT" })).toEqual({ ok: true, status: "PE_SIGNED" });
    expect(sign("PRACTICE_EDUCATOR", base).ok).toBe(false);
  });
  it("refuses the student and on-site supervisor before the PE", () => {
    expect(sign("STUDENT", { ...base, status: "DRAFT" })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/signs first/),
    });
    expect(sign("ONSITE_SUPERVISOR", { ...base, status: "DRAFT", hasOnsiteSupervisor: true }).ok).toBe(false);
  });
  it("completes with the student's signature when there is no on-site supervisor", () => {
    expect(sign("STUDENT", base)).toEqual({ ok: true, status: "COMPLETE" });
  });
  it("needs both co-signatures, in either order", () => {
    const withOnsite = { ...base, hasOnsiteSupervisor: true };
    expect(sign("STUDENT", withOnsite)).toEqual({ ok: true, status: "PE_SIGNED" });
    expect(sign("ONSITE_SUPERVISOR", withOnsite)).toEqual({ ok: true, status: "PE_SIGNED" });
    expect(sign("ONSITE_SUPERVISOR", { ...withOnsite, studentSignedAt: new Date() })).toEqual({
      ok: true,
      status: "COMPLETE",
    });
    expect(sign("STUDENT", { ...withOnsite, onsiteSignedAt: new Date() })).toEqual({ ok: true, status: "COMPLETE" });
  });
  it("waits for ratification on a final placement with a stage 1 assessor", () => {
    expect(sign("STUDENT", { ...base, level: "FINAL", assessorStage: "STAGE_1" })).toEqual({
      ok: true,
      status: "AWAITING_RATIFICATION",
    });
    expect(sign("STUDENT", { ...base, level: "FINAL", assessorStage: "STAGE_2" })).toEqual({
      ok: true,
      status: "COMPLETE",
    });
  });
  it("refuses a second signature and an on-site signature where there is no on-site supervisor", () => {
    expect(sign("STUDENT", { ...base, studentSignedAt: new Date() }).ok).toBe(false);
    expect(sign("ONSITE_SUPERVISOR", base)).toMatchObject({ ok: false, reason: expect.stringMatching(/no on-site/) });
    expect(sign("ONSITE_SUPERVISOR", { ...base, hasOnsiteSupervisor: true, onsiteSignedAt: new Date() }).ok).toBe(
      false,
    );
  });
});

describe("waiting for", () => {
  it("names who still has to act", () => {
    expect(waitingFor({ ...base, hasOnsiteSupervisor: true })).toEqual([
      "the student to sign",
      "the on-site supervisor to sign",
    ]);
    expect(waitingFor({ ...base, status: "COMPLETE" })).toEqual([]);
    expect(waitingFor({ ...base, status: "AWAITING_RATIFICATION" })[0]).toMatch(/ratify/);
  });
});
