import { childNameWarning, findChildNames, type KnownChild } from "./child-name-check";

const alfie: KnownChild = { code: "C-1001", firstName: "Alfie", lastName: "Archer" };
const mary: KnownChild = { code: "C-2002", firstName: "Mary-Jane", lastName: "O'Neil" };
const zoe: KnownChild = { code: "C-3003", firstName: "Zoë", lastName: "Brooks" };

describe("findChildNames", () => {
  it("finds a first name as a whole word, whatever its case", () => {
    expect(findChildNames(["I met ALFIE at school."], [alfie])).toEqual([{ code: "C-1001" }]);
    expect(findChildNames(["alfie said no"], [alfie])).toEqual([{ code: "C-1001" }]);
  });

  it("finds a full name, also across a line break", () => {
    expect(findChildNames(["Session with Alfie\nArcher today"], [alfie])).toEqual([{ code: "C-1001" }]);
  });

  it("does not match part of a longer word", () => {
    expect(findChildNames(["The Alfies club", "Kalfie", "alfie_x"], [alfie])).toEqual([]);
  });

  it("does not match the surname alone", () => {
    expect(findChildNames(["Archery club"], [alfie])).toEqual([]);
    expect(findChildNames(["Mr Archer the teacher"], [alfie])).toEqual([]);
  });

  it("handles names with hyphens, apostrophes and accents", () => {
    expect(findChildNames(["worked with mary-jane o'neil"], [mary])).toEqual([{ code: "C-2002" }]);
    expect(findChildNames(["Mary went home"], [mary])).toEqual([]);
    expect(findChildNames(["zoë drew a picture"], [zoe])).toEqual([{ code: "C-3003" }]);
    expect(findChildNames(["Zoëy drew a picture"], [zoe])).toEqual([]);
  });

  it("searches every text (title and body) and reports each child once", () => {
    expect(findChildNames(["Alfie", "Alfie Archer and Zoë"], [alfie, zoe, alfie])).toEqual([
      { code: "C-1001" },
      { code: "C-3003" },
    ]);
  });

  it("finds nothing in text that uses the code", () => {
    expect(findChildNames(["Direct work with C-1001 on self-esteem", null, undefined, ""], [alfie])).toEqual([]);
  });

  it("ignores one-letter names, which cannot be told from words", () => {
    expect(findChildNames(["I went out"], [{ code: "C-9", firstName: "I", lastName: "X" }])).toEqual([]);
  });

  it("treats regular expression characters in names literally", () => {
    expect(findChildNames(["a.b went"], [{ code: "C-7", firstName: "a.b", lastName: "c" }])).toEqual([{ code: "C-7" }]);
    expect(findChildNames(["axb went"], [{ code: "C-7", firstName: "a.b", lastName: "c" }])).toEqual([]);
  });
});

describe("childNameWarning", () => {
  it("names the code, never the name", () => {
    const warning = childNameWarning([{ code: "C-1001" }]);
    expect(warning).toBe("This looks like it contains the name of child C-1001; use the code instead.");
    expect(warning).not.toMatch(/Alfie/);
  });
  it("lists several codes", () => {
    expect(childNameWarning([{ code: "C-1" }, { code: "C-2" }, { code: "C-3" }])).toBe(
      "This looks like it contains the name of children C-1, C-2 and C-3; use the code instead.",
    );
  });
  it("is null without matches", () => {
    expect(childNameWarning([])).toBeNull();
  });
});
