import { csvCell, toCsv } from "@/lib/export/csv";

describe("csvCell", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvCell("Amira Hussain")).toBe("Amira Hussain");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(true)).toBe("true");
  });

  it("quotes fields with commas, quotes and line breaks (RFC 4180), doubling quotes", () => {
    expect(csvCell("Early help, schools")).toBe('"Early help, schools"');
    expect(csvCell('She said "yes"')).toBe('"She said ""yes"""');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["+44 1905 000000", "'+44 1905 000000"],
    ["-2 days", "'-2 days"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tname", "'\tname"],
  ])("prefixes a cell that a spreadsheet would run as a formula: %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("guards and quotes together: a formula with a comma or a leading carriage return", () => {
    expect(csvCell('=HYPERLINK("http://x.example","click")')).toBe('"\'=HYPERLINK(""http://x.example"",""click"")"');
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
  });

  it("does not prefix text that only contains those characters later on", () => {
    expect(csvCell("Jo-Anne Smith")).toBe("Jo-Anne Smith");
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("toCsv", () => {
  it("writes a header row and CRLF-ended records", () => {
    expect(
      toCsv(
        ["Student", "Days"],
        [
          ["Amira Hussain", 35],
          ["=evil", null],
        ],
      ),
    ).toBe("Student,Days\r\nAmira Hussain,35\r\n'=evil,\r\n");
  });

  it("writes only the header for no rows", () => {
    expect(toCsv(["A", "B"], [])).toBe("A,B\r\n");
  });
});
