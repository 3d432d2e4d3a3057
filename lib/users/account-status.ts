export type AccountStatus = "INVITED" | "ACTIVE" | "DEACTIVATED";

/** Invited until they set a password; deactivated whatever else. */
export function accountStatus(account: { active: boolean; hasPassword: boolean }): AccountStatus {
  if (!account.active) return "DEACTIVATED";
  return account.hasPassword ? "ACTIVE" : "INVITED";
}
