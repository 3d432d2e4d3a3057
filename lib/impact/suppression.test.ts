import { countText, isSmallNumber, showAll, suppressTable, type ShownCount } from "./suppression";

const shown = (table: ShownCount[][]) => table.map((row) => row.map((cell) => (cell.suppressed ? "x" : cell.value)));

describe("isSmallNumber", () => {
  it("hides 1 to 4 and shows 5: the boundary", () => {
    expect(isSmallNumber(4)).toBe(true);
    expect(isSmallNumber(5)).toBe(false);
    expect(isSmallNumber(1)).toBe(true);
  });

  it("shows a zero, which describes no child", () => {
    expect(isSmallNumber(0)).toBe(false);
  });
});

describe("suppressTable", () => {
  it("shows a row where every count is five or more", () => {
    expect(shown(suppressTable([[5, 7, 12]], { columnGroups: [[0, 1, 2]] }))).toEqual([[5, 7, 12]]);
  });

  it("hides a count of 4 but not of 5 in the same row (no parts-and-total structure)", () => {
    expect(shown(suppressTable([[4, 5]]))).toEqual([["x", 5]]);
  });

  it("hides a second part when one hidden part could be worked out from the total", () => {
    // completed 3 + ended early 6 + running 8 = 17: with only the 3 hidden, 17 − 6 − 8 gives it away.
    const table = suppressTable([[3, 6, 8, 17]], { columnGroups: [[0, 1, 2, 3]] });
    expect(shown(table)).toEqual([["x", "x", 8, 17]]);
  });

  it("hides the smallest non-zero part, never a zero, as the second", () => {
    const table = suppressTable([[2, 0, 9, 11]], { columnGroups: [[0, 1, 2, 3]] });
    expect(shown(table)).toEqual([["x", 0, "x", 11]]);
  });

  it("leaves a group alone when two parts are already hidden", () => {
    const table = suppressTable([[2, 3, 9, 14]], { columnGroups: [[0, 1, 2, 3]] });
    expect(shown(table)).toEqual([["x", "x", 9, 14]]);
  });

  it("protects columns against the total row: one small school is not derivable from the all-schools row", () => {
    // Schools A (12), B (3), C (20); all schools 35.
    const table = suppressTable([[12], [3], [20], [35]], { lastRowIsTotal: true });
    expect(shown(table)).toEqual([["x"], ["x"], [20], [35]]);
  });

  it("repeats until stable: a cell hidden to protect a row is then protected in its column", () => {
    // Rows: [completed, ended early, total]; last row all schools.
    const values = [
      [3, 9, 12],
      [8, 7, 15],
      [11, 16, 27],
    ];
    const table = suppressTable(values, { columnGroups: [[0, 1, 2]], lastRowIsTotal: true });
    const cells = shown(table);
    // No group (row or column) may end with exactly one hidden cell.
    const rowHidden = cells.map((row) => row.filter((cell) => cell === "x").length);
    const columnHidden = [0, 1, 2].map((column) => cells.filter((row) => row[column] === "x").length);
    for (const count of [...rowHidden, ...columnHidden]) expect(count === 0 || count >= 2).toBe(true);
    expect(cells[0][0]).toBe("x");
  });

  it("hides a small total along with its small parts", () => {
    const table = suppressTable([[1, 2, 0, 3]], { columnGroups: [[0, 1, 2, 3]] });
    expect(shown(table)).toEqual([["x", "x", 0, "x"]]);
  });
});

describe("showAll and countText", () => {
  it("shows everything for the team and says 'hidden' for a suppressed count", () => {
    const [[a, b]] = showAll([[1, 4]]);
    expect(countText(a)).toBe("1");
    expect(countText(b)).toBe("4");
    expect(countText(suppressTable([[4]])[0][0])).toBe("hidden");
  });
});
