import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password-limits";

// The password policy (issue 11): strength, not character classes. At least
// 12 characters, and refused when a strength estimator (zxcvbn-ts, with its
// common-password, name and English dictionaries shipped in the package:
// nothing is fetched at run time) rates it guessable, or when it is built
// from the person's own name or email address.

/** zxcvbn's score: 3 is "safely unguessable: moderate protection from an offline attack". */
const MIN_SCORE = 3;

export const PASSWORD_MESSAGES = {
  tooShort: `Use at least ${MIN_PASSWORD_LENGTH} characters`,
  tooLong: `Use ${MAX_PASSWORD_LENGTH} characters or fewer`,
  personal: "Do not use your name or email address in your password",
  guessable:
    "This password is too easy to guess: it is a common password or follows a predictable pattern. Try three or four unrelated words.",
} as const;

let estimator: ZxcvbnFactory | undefined;
function zxcvbn() {
  return (estimator ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  }));
}

/** The words of a person's name and email address that a password must not be built from. */
export function personalWords(person: { name?: string | null; email?: string | null }): string[] {
  const [local = "", domain = ""] = (person.email ?? "").toLowerCase().split("@");
  const words = [
    ...(person.name ?? "").toLowerCase().split(/[^\p{L}\p{N}]+/u),
    local,
    ...local.split(/[^\p{L}\p{N}]+/u),
    ...domain.split(".").slice(0, -1),
  ];
  return [...new Set(words.filter((word) => word.length >= 3))];
}

/** Why a password is refused, in words for the form; null when it is acceptable. */
export function passwordProblem(
  password: string,
  person: { name?: string | null; email?: string | null } = {},
): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooShort;
  if (password.length > MAX_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooLong;
  const words = personalWords(person);
  const lower = password.toLowerCase();
  // Built from the name or email: what is left once those words are taken out is too little to protect it.
  const rest = words
    .sort((a, b) => b.length - a.length)
    .reduce((left, word) => left.split(word).join(""), lower)
    .replace(/[^\p{L}\p{N}]/gu, "");
  if (rest.length < lower.replace(/[^\p{L}\p{N}]/gu, "").length && rest.length < 8) return PASSWORD_MESSAGES.personal;
  // zxcvbn's cost grows with length; the 200-character cap above bounds it.
  const { score } = zxcvbn().check(password, words);
  return score >= MIN_SCORE ? null : PASSWORD_MESSAGES.guessable;
}
