import { decodeCursor, encodeCursor, keysetWhere, pageOf } from "./paging";

describe("cursors", () => {
  it("round-trips (updatedAt, id)", () => {
    const cursor = { updatedAt: new Date("2026-11-23T10:15:00.123Z"), id: "cmabc123" };
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
  });

  it.each([
    ["empty", ""],
    ["not base64url", "abc+/="],
    ["no id", Buffer.from("2026-11-23T10:15:00.123Z|").toString("base64url")],
    ["no instant", Buffer.from("|cmabc").toString("base64url")],
    ["a date, not an instant", Buffer.from("2026-11-23|cmabc").toString("base64url")],
    ["an impossible instant", Buffer.from("2026-13-45T10:15:00.123Z|cmabc").toString("base64url")],
    ["extra parts", Buffer.from("2026-11-23T10:15:00.123Z|a|b").toString("base64url")],
    ["too long", "a".repeat(201)],
  ])("refuses a cursor that is %s", (_label, value) => {
    expect(decodeCursor(value)).toBeNull();
  });
});

describe("keyset pages", () => {
  const row = (id: string, at: string) => ({ id, updatedAt: new Date(at) });

  it("gives the next cursor only when there is another row", () => {
    const rows = [
      row("a", "2026-11-01T00:00:00.000Z"),
      row("b", "2026-11-02T00:00:00.000Z"),
      row("c", "2026-11-03T00:00:00.000Z"),
    ];
    const first = pageOf(rows, 2);
    expect(first.rows.map((r) => r.id)).toEqual(["a", "b"]);
    expect(decodeCursor(first.nextCursor!)).toEqual({ updatedAt: rows[1].updatedAt, id: "b" });
    expect(pageOf(rows.slice(0, 2), 2)).toEqual({ rows: rows.slice(0, 2), nextCursor: null });
  });

  it("filters updatedSince inclusively and resumes strictly after the cursor", () => {
    const since = new Date("2026-11-01T00:00:00.000Z");
    const cursor = { updatedAt: new Date("2026-11-02T00:00:00.000Z"), id: "b" };
    expect(keysetWhere({ updatedSince: since, cursor })).toEqual([
      { updatedAt: { gte: since } },
      { OR: [{ updatedAt: { gt: cursor.updatedAt } }, { updatedAt: cursor.updatedAt, id: { gt: "b" } }] },
    ]);
    expect(keysetWhere({})).toEqual([]);
  });
});
