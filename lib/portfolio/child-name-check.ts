// Evidence is read by the university, which must never learn a child's
// identity (docs/domain.md "Frameworks and the portfolio"): a child appears by code only. The
// student knows the names of the children allocated to them, so this check
// looks for exactly those names and tells the student which code to use.

export type KnownChild = { code: string; firstName: string; lastName: string };
export type ChildNameMatch = { code: string };

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A whole-word, case-insensitive pattern: "Alfie" must not match "Alfies" or "Kalfie". */
function wholeWord(phrase: string): RegExp {
  // Spaces inside a full name may be any run of whitespace (line breaks included).
  const body = phrase.trim().split(/\s+/).map(escapeRegExp).join("\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, "iu");
}

/**
 * The children whose first name or full name appears in any of the texts,
 * each once, in the order given. Names shorter than two letters are ignored:
 * they cannot be told apart from ordinary words.
 */
export function findChildNames(
  texts: ReadonlyArray<string | null | undefined>,
  children: readonly KnownChild[],
): ChildNameMatch[] {
  const haystack = texts.filter(Boolean).join("\n");
  if (!haystack.trim()) return [];
  const matches: ChildNameMatch[] = [];
  const seen = new Set<string>();
  for (const child of children) {
    if (seen.has(child.code)) continue;
    const first = child.firstName.trim();
    const full = `${first} ${child.lastName.trim()}`.trim();
    const candidates = [full, first].filter((name) => name.replace(/\s+/g, "").length >= 2);
    if (candidates.some((name) => wholeWord(name).test(haystack))) {
      matches.push({ code: child.code });
      seen.add(child.code);
    }
  }
  return matches;
}

/** The warning shown to the student: it names the code, never the name. */
export function childNameWarning(matches: readonly ChildNameMatch[]): string | null {
  if (matches.length === 0) return null;
  const codes = matches.map((match) => match.code);
  const list =
    codes.length === 1 ? `child ${codes[0]}` : `children ${codes.slice(0, -1).join(", ")} and ${codes.at(-1)}`;
  return `This looks like it contains the name of ${list}; use the code instead.`;
}
