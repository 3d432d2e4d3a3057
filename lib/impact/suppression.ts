// Small-number suppression for the impact report (docs/domain.md, "Impact
// report"). Outside the team (the council's leadership, a partner school) no
// count of fewer than five children is shown: with a handful of pupils in a
// school, "2 children ended early" names them to anyone who knows the school.
//
// Primary suppression hides every count from 1 to 4. A zero is shown: it
// describes no child. Secondary suppression then makes sure a hidden count
// cannot be worked out by subtraction: wherever parts add up to a total
// (completed + ended early + running = programmes; the schools' rows add up to
// the "all" row), a group with exactly one hidden cell gets a second one hidden,
// the smallest non-zero count left in it. That is repeated until nothing
// changes, because hiding a cell in a row can leave a column with one hidden.
// Pure: no database, no clock.

/** The fewest children a count outside the team may describe. */
export const SMALL_NUMBER_THRESHOLD = 5;

/** A count as the report shows it: the number, or hidden. */
export type ShownCount = { value: number; suppressed: false } | { value: null; suppressed: true };

/** Whether a count is too small to show on its own (1 to 4; zero describes nobody). */
export function isSmallNumber(count: number): boolean {
  return count > 0 && count < SMALL_NUMBER_THRESHOLD;
}

/**
 * A table's additive structure: `columnGroups` lists groups of columns whose
 * parts add up to a total column ([...parts, total]); `lastRowIsTotal` says
 * the last row adds up the rows above it, column by column.
 */
export type TableShape = {
  columnGroups?: ReadonlyArray<readonly number[]>;
  lastRowIsTotal?: boolean;
};

/** One group of cells (parts, then their total) with one hidden: hide one more, so the hidden one cannot be derived. */
function protectGroup(values: number[][], hidden: boolean[][], cells: Array<[number, number]>): boolean {
  const hiddenCells = cells.filter(([row, column]) => hidden[row][column]);
  if (hiddenCells.length !== 1) return false;
  const candidates = cells
    .filter(([row, column]) => !hidden[row][column] && values[row][column] > 0)
    // The smallest count loses the least; among equals the part before the total.
    .sort(([rowA, columnA], [rowB, columnB]) => values[rowA][columnA] - values[rowB][columnB]);
  const next = candidates[0];
  if (!next) return false;
  hidden[next[0]][next[1]] = true;
  return true;
}

/** Suppresses a table of child counts: primary (1–4) then secondary, until no hidden count can be derived. */
export function suppressTable(values: number[][], shape: TableShape = {}): ShownCount[][] {
  const hidden = values.map((row) => row.map(isSmallNumber));
  const groups: Array<Array<[number, number]>> = [];
  for (let row = 0; row < values.length; row++)
    for (const group of shape.columnGroups ?? []) groups.push(group.map((column) => [row, column]));
  if (shape.lastRowIsTotal && values.length > 1) {
    const width = values[0]?.length ?? 0;
    for (let column = 0; column < width; column++)
      groups.push(values.map((_, row) => [row, column] as [number, number]));
  }
  // Each pass hides at least one more cell or stops, so this ends within the table's size.
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) if (protectGroup(values, hidden, group)) changed = true;
  }
  return values.map((row, r) =>
    row.map((value, c) => (hidden[r][c] ? { value: null, suppressed: true } : { value, suppressed: false })),
  );
}

/** Nothing hidden: the team's own view. */
export function showAll(values: number[][]): ShownCount[][] {
  return values.map((row) => row.map((value) => ({ value, suppressed: false as const })));
}

/** What a hidden count says: not "fewer than 5", because a secondarily hidden count may be larger. */
export const HIDDEN_TEXT = "hidden";
export const HIDDEN_EXPLANATION =
  "Hidden: fewer than five children, or a number from which a smaller one could be worked out.";

/** How a count reads in a table, a chart's text and the CSV. */
export function countText(count: ShownCount): string {
  return count.suppressed ? HIDDEN_TEXT : String(count.value);
}
