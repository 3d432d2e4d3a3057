import { mayAnonymise, retainUntil, retentionYears } from "@/lib/children/retention";

describe("retentionYears", () => {
  it("uses the defaults when the setting is absent or blank", () => {
    expect(retentionYears(undefined)).toEqual({ DIRECT_WORK: 25, ASSESSMENT: 25, LIFE_STORY: 75 });
    expect(retentionYears("  ")).toEqual({ DIRECT_WORK: 25, ASSESSMENT: 25, LIFE_STORY: 75 });
  });

  it("lets a council override some kinds and keeps the defaults for the rest", () => {
    expect(retentionYears('{"DIRECT_WORK":30}')).toEqual({ DIRECT_WORK: 30, ASSESSMENT: 25, LIFE_STORY: 75 });
  });

  it.each([
    ["not JSON", "{DIRECT_WORK:30", /not JSON/],
    ["a string for years", '{"DIRECT_WORK":"30"}', /DIRECT_WORK/],
    ["zero years", '{"ASSESSMENT":0}', /ASSESSMENT/],
    ["a fraction", '{"LIFE_STORY":7.5}', /LIFE_STORY/],
    ["an unknown kind", '{"DIRECTWORK":30}', /not valid/],
    ["an array", "[25]", /not valid/],
  ])("refuses %s with a message naming the problem", (_, setting, message) => {
    expect(() => retentionYears(setting)).toThrow(message);
  });
});

describe("retainUntil", () => {
  const years = { DIRECT_WORK: 25, ASSESSMENT: 25, LIFE_STORY: 75 };

  it("keeps a record until the longest period of the work recorded", () => {
    expect(retainUntil("2015-06-10", ["DIRECT_WORK"], years)).toBe("2040-06-10");
    expect(retainUntil("2015-06-10", ["DIRECT_WORK", "LIFE_STORY"], years)).toBe("2090-06-10");
  });

  it("counts a 29 February birth to 1 March in a common year", () => {
    expect(retainUntil("2016-02-29", ["ASSESSMENT"], years)).toBe("2041-03-01");
  });

  it("allows anonymising only after the retain-until day", () => {
    expect(mayAnonymise("2040-06-10", "2040-06-10")).toBe(false);
    expect(mayAnonymise("2040-06-10", "2040-06-11")).toBe(true);
    expect(mayAnonymise(null, "2099-01-01")).toBe(false);
  });
});
