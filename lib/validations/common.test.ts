import { z } from "zod";
import { addYears, todayInUk } from "@/lib/dates";
import {
  boundedArray,
  boundedInt,
  id,
  isoDate,
  notes,
  optionalIsoDate,
  optionalText,
  recordByCode,
  text,
} from "./common";

const fails = (schema: z.ZodType, value: unknown) => !schema.safeParse(value).success;
const parsed = (schema: z.ZodType, value: unknown) => schema.parse(value);

describe("text", () => {
  const name = text("name", 10, { singleLine: true });
  const body = text("notes", 50);

  it("trims and keeps newlines and tabs in multi-line text, with Windows line ends made plain", () => {
    expect(parsed(body, "  first\r\nsecond\tthird  ")).toBe("first\nsecond\tthird");
  });

  it("refuses NUL, other control characters and lone surrogates", () => {
    expect(fails(body, "a\u0000b")).toBe(true);
    expect(fails(body, "a\u0007b")).toBe(true);
    expect(fails(body, "a\u009bb")).toBe(true);
    expect(fails(body, "a\ud800b")).toBe(true);
    expect(fails(body, "a\udc00")).toBe(true);
    expect(parsed(body, "emoji 😀 ok")).toBe("emoji 😀 ok");
  });

  it("keeps single-line fields on one line", () => {
    expect(fails(name, "Amira\nHussain")).toBe(true);
    expect(fails(name, "Amira\tH")).toBe(true);
    expect(parsed(name, "Amira")).toBe("Amira");
  });

  it("counts the limit after trimming, and requires text unless min is 0", () => {
    expect(fails(name, "12345678901")).toBe(true);
    expect(parsed(name, "  1234567890  ")).toBe("1234567890");
    expect(fails(name, "   ")).toBe(true);
    expect(parsed(text("summary", 10, { min: 0 }), "")).toBe("");
  });

  it("refuses what is not a string", () => {
    for (const value of [null, undefined, 12, {}, [], true]) expect(fails(body, value)).toBe(true);
  });
});

describe("optional text and notes", () => {
  it("store blank optional text as null and blank notes as an empty string", () => {
    const reason = optionalText("reason", 5);
    expect(parsed(reason, "")).toBeNull();
    expect(parsed(reason, null)).toBeNull();
    expect(parsed(reason, undefined)).toBeNull();
    expect(fails(reason, "123456")).toBe(true);
    expect(fails(reason, "\u0000")).toBe(true);
    expect(parsed(notes("notes", 5), undefined)).toBe("");
    expect(parsed(notes("notes", 5), null)).toBe("");
    expect(fails(notes("notes", 5), "a\u0000")).toBe(true);
  });
});

describe("isoDate", () => {
  const today = todayInUk();

  it("accepts a real calendar day and refuses impossible ones", () => {
    expect(parsed(isoDate("date"), today)).toBe(today);
    for (const value of ["2026-13-01", "2026-00-10", "2026-02-30", "2026-04-31", "2026-1-1", "26-01-01", "2026-01-32"])
      expect(fails(isoDate("date"), value)).toBe(true);
    expect(parsed(isoDate("date"), "2024-02-29")).toBe("2024-02-29");
    expect(fails(isoDate("date"), "2025-02-29")).toBe(true);
  });

  it("keeps event dates within ten years back and five ahead of today", () => {
    expect(parsed(isoDate("date"), addYears(today, -10))).toBe(addYears(today, -10));
    expect(fails(isoDate("date"), addYears(today, -11))).toBe(true);
    expect(fails(isoDate("date"), addYears(today, 6))).toBe(true);
    expect(parsed(isoDate("date"), addYears(today, 5))).toBe(addYears(today, 5));
    expect(fails(isoDate("date"), "9999-12-31")).toBe(true);
    expect(fails(isoDate("date"), "0001-01-01")).toBe(true);
  });

  it("keeps dates of birth between 1900 and today", () => {
    expect(parsed(isoDate("date of birth", "birth"), "1900-01-01")).toBe("1900-01-01");
    expect(fails(isoDate("date of birth", "birth"), "1899-12-31")).toBe(true);
    expect(parsed(isoDate("date of birth", "birth"), today)).toBe(today);
    expect(fails(isoDate("date of birth", "birth"), addYears(today, 1))).toBe(true);
  });

  it("treats an empty optional date as none", () => {
    expect(parsed(optionalIsoDate("date"), "")).toBeNull();
    expect(parsed(optionalIsoDate("date"), null)).toBeNull();
    expect(fails(optionalIsoDate("date"), "2026-13-13")).toBe(true);
  });
});

describe("id", () => {
  it("accepts record ids and refuses anything else", () => {
    expect(parsed(id("placement"), "cmabc123_xyz-9")).toBe("cmabc123_xyz-9");
    for (const value of ["", "a\u0000b", "a b", "../etc", "x".repeat(65), 42, null])
      expect(fails(id("placement"), value)).toBe(true);
  });
});

describe("boundedInt", () => {
  const sessions = boundedInt("sessions", 1, 30, { acceptText: true });
  it("accepts whole numbers in range, as numbers or, where a form sends text, as form strings", () => {
    expect(parsed(sessions, 6)).toBe(6);
    expect(parsed(sessions, " 12 ")).toBe(12);
    expect(fails(boundedInt("days", 1, 200), "100")).toBe(true);
    expect(parsed(boundedInt("days", 1, 200), 100)).toBe(100);
  });
  it("refuses huge, fractional, infinite and non-numeric values", () => {
    for (const value of [0, 31, 2 ** 31, 1e308, 1.5, Infinity, NaN, "1e9", "12abc", "9".repeat(400), null, {}, [6]])
      expect(fails(sessions, value)).toBe(true);
  });
});

describe("boundedArray", () => {
  it("refuses a long list before parsing its items", () => {
    let parsedItems = 0;
    const item = z.string().refine(() => {
      parsedItems++;
      return true;
    });
    const list = boundedArray(item, 3, "At most 3");
    expect(parsed(list, ["a", "b"])).toEqual(["a", "b"]);
    parsedItems = 0;
    expect(
      fails(
        list,
        Array.from({ length: 100_000 }, () => "x"),
      ),
    ).toBe(true);
    expect(parsedItems).toBe(0);
    expect(fails(list, "not a list")).toBe(true);
  });
});

describe("recordByCode", () => {
  const domains = recordByCode(z.string(), 3, "At most 3 domains");
  it("accepts codes and refuses prototype keys, other shapes and too many keys", () => {
    expect(parsed(domains, { KNOWLEDGE: "a" })).toEqual({ KNOWLEDGE: "a" });
    expect(fails(domains, JSON.parse('{"__proto__": {"x": 1}, "KNOWLEDGE": "a"}'))).toBe(true);
    expect(fails(domains, { constructor: "a" })).toBe(true);
    expect(fails(domains, { A: "1", B: "2", C: "3", D: "4" })).toBe(true);
    expect(fails(domains, ["KNOWLEDGE"])).toBe(true);
    expect(fails(domains, null)).toBe(true);
  });
});
