import { encodeCursor } from "@/lib/core/paging";
import { pageQuerySchema } from "./pagination";

describe("page query", () => {
  it("defaults to 100 rows and no bounds", () => {
    expect(pageQuerySchema.parse({})).toEqual({ limit: 100 });
  });

  it("reads updatedSince, limit and cursor", () => {
    const cursor = encodeCursor({ updatedAt: new Date("2026-11-23T10:15:00.000Z"), id: "x1" });
    expect(pageQuerySchema.parse({ updatedSince: "2026-11-01T00:00:00+01:00", limit: "500", cursor })).toEqual({
      updatedSince: new Date("2026-10-31T23:00:00.000Z"),
      limit: 500,
      cursor: { updatedAt: new Date("2026-11-23T10:15:00.000Z"), id: "x1" },
    });
  });

  it.each([
    ["updatedSince", { updatedSince: "yesterday" }],
    ["updatedSince", { updatedSince: "2026-11-01" }],
    ["limit", { limit: "0" }],
    ["limit", { limit: "501" }],
    ["limit", { limit: "ten" }],
    ["limit", { limit: "-1" }],
    ["limit", { limit: "2.5" }],
    ["cursor", { cursor: "not-a-cursor" }],
  ])("refuses a bad %s", (field, input) => {
    const result = pageQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual([field]);
  });
});
