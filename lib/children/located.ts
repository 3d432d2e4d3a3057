import { parseId } from "@/lib/core/command";

/**
 * An id that locates a command's record from inside the request body
 * (a referral names its child, an allocation its placement): checked like a
 * path id, before the body itself is parsed after the permission check
 * (docs/decisions/0009-write-path.md).
 */
export function idInBody(body: unknown, field: string, what: string): string {
  const value = typeof body === "object" && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  return parseId(value, what);
}
