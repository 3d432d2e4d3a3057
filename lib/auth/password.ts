import bcrypt from "bcryptjs";

// bcrypt, cost 12: deliberately slow (about a quarter of a second) so a stolen
// table of hashes cannot be guessed quickly. Pure JavaScript: no native build.
const COST = Number(process.env.BCRYPT_COST ?? 12);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let dummyHash: Promise<string> | undefined;
/** Compared against when the email is unknown, so a wrong email takes as long as a wrong password. */
export function hashForUnknownUser(): Promise<string> {
  return (dummyHash ??= hashPassword("no user has this password"));
}
