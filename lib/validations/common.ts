import { z } from "zod";
import { addYears, isValidIsoDate, todayInUk } from "@/lib/dates";

// The pages' Content-Security-Policy forbids eval (proxy.ts): zod's compiled parsers, and its probe for
// whether eval is allowed (which the browser reports as a violation), stay off. Every schema imports this file.
z.config({ jitless: true });

// The input primitives every schema is built from (docs/decisions/0006-error-model.md).
// Each refuses what a user or a careless client can send and the database
// cannot hold or the code must not loop over: NUL and other control
// characters, lone UTF-16 surrogates, impossible or implausible dates, huge
// numbers, and unbounded lists. A schema checks all of it before any work
// that depends on the input.

// C0 controls but tab and newline, DEL, and the C1 controls.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

// Half of a UTF-16 pair with no other half: not a character, and PostgreSQL refuses it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** NUL or a lone surrogate: characters no text may hold (passwords included, which are never trimmed). */
export function hasBrokenCharacters(value: string) {
  return value.includes("\u0000") || LONE_SURROGATE.test(value);
}

/** Text as stored: Windows line ends as "\n", no surrounding space. */
function normalise(value: string) {
  return value.replace(/\r\n?/g, "\n").trim();
}

function cleanText(label: string, singleLine: boolean) {
  return z
    .string({ error: `Enter the ${label}` })
    .transform(normalise)
    .refine((value) => !LONE_SURROGATE.test(value), `The ${label} contains a broken character: type it again`)
    .refine(
      (value) => !CONTROL_CHARACTERS.test(value) && !(singleLine && /[\n\t]/.test(value)),
      singleLine
        ? `The ${label} must be on one line, without control characters`
        : `The ${label} contains a control character: remove it`,
    );
}

type TextOptions = { min?: number; singleLine?: boolean };

/** Required text of at most `max` characters; newlines and tabs are kept unless `singleLine` (names, titles). */
export const text = (label: string, max: number, options: TextOptions | number = {}) => {
  const { min = 1, singleLine = false } = typeof options === "number" ? { min: options } : options;
  return cleanText(label, singleLine)
    .refine(
      (value) => value.length >= min,
      min === 1 ? `Enter the ${label}` : `The ${label} needs at least ${min} characters`,
    )
    .refine((value) => value.length <= max, `The ${label} must be ${max.toLocaleString("en-GB")} characters or fewer`);
};

/** Optional text: blank, null or absent is stored as null. */
export const optionalText = (label: string, max: number, options: Omit<TextOptions, "min"> = {}) =>
  cleanText(label, options.singleLine ?? false)
    .nullish()
    .refine(
      (value) => !value || value.length <= max,
      `The ${label} must be ${max.toLocaleString("en-GB")} characters or fewer`,
    )
    .transform((value) => (value ? value : null));

/** Optional multi-line text kept as "" when blank (fields stored NOT NULL with a default). */
export const notes = (label: string, max: number) =>
  cleanText(label, false)
    .nullish()
    .refine(
      (value) => !value || value.length <= max,
      `The ${label} must be ${max.toLocaleString("en-GB")} characters or fewer`,
    )
    .transform((value) => value ?? "");

/**
 * How far from today a date may plausibly be. Dates of birth: from 1900 to
 * today. Everything else that happens in a placement or a child's work: from
 * ten years ago to five years ahead, which holds every record a team keeps
 * and refuses a typo such as 2206 or 0026.
 */
export const DATE_RANGES = {
  birth: { earliest: () => "1900-01-01", latest: () => todayInUk() },
  event: { earliest: () => addYears(todayInUk(), -10), latest: () => addYears(todayInUk(), 5) },
} as const;
export type DateRange = keyof typeof DATE_RANGES;

/** A real calendar day (YYYY-MM-DD) within the plausible range for the field. */
export const isoDate = (label: string, range: DateRange = "event") =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .max(10, `Enter the ${label} as a real date (YYYY-MM-DD)`)
    .refine(isValidIsoDate, `Enter the ${label} as a real date (YYYY-MM-DD)`)
    .refine(
      (value) => value >= DATE_RANGES[range].earliest(),
      range === "birth" ? `The ${label} cannot be before 1900` : `The ${label} is too far in the past: check the year`,
    )
    .refine(
      (value) => value <= DATE_RANGES[range].latest(),
      range === "birth"
        ? `The ${label} cannot be in the future`
        : `The ${label} is too far in the future: check the year`,
    );

/** An optional date: "" (an empty date input), null or absent is null. */
export const optionalIsoDate = (label: string, range: DateRange = "event") =>
  z
    .union([z.literal(""), isoDate(label, range)])
    .nullish()
    .transform((value) => (value ? value : null));

// Record ids are cuids; seeded and generated ids use the same alphabet.
const ID_SHAPE = /^[A-Za-z0-9_-]+$/;

export const id = (label: string) =>
  z
    .string({ error: `Choose the ${label}` })
    .trim()
    .min(1, `Choose the ${label}`)
    .max(64, `Unknown ${label}`)
    .regex(ID_SHAPE, `Unknown ${label}`);

/** A select whose "none" option submits "": stored as null. */
export const optionalId = (label: string) =>
  z
    .union([z.literal(""), id(label)])
    .nullish()
    .transform((value) => (value ? value : null));

/** A number typed or chosen in a form arrives as a string: "" means none. */
export const numberOrBlank = (value: unknown) => {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" && /^\s*-?\d{1,15}(\.\d{1,6})?\s*$/.test(value)) return Number(value);
  return value;
};

type IntMessages = { type?: string; range?: string; min?: string; max?: string; acceptText?: boolean };

/**
 * A whole number from min to max. Forms whose inputs arrive as text set
 * `acceptText`; the JSON API otherwise takes numbers only.
 */
export const boundedInt = (label: string, min: number, max: number, messages: IntMessages = {}) => {
  const range = messages.range ?? `Enter a whole number from ${min} to ${max} for the ${label}`;
  const type = messages.type ?? `Enter the ${label} as a whole number`;
  const number = z
    .number({ error: (issue) => (issue.input === null || issue.input === undefined ? `Enter the ${label}` : type) })
    .int(type)
    .min(min, messages.min ?? range)
    .max(max, messages.max ?? range);
  return messages.acceptText ? z.preprocess(numberOrBlank, number) : number;
};

/** A list of at most `max` items: refused before any item is looked at when longer. */
export const boundedArray = <T extends z.ZodType>(item: T, max: number, message: string) =>
  // The length is checked on the raw list, so a list of a million items is refused without parsing one;
  // typed as the list of items it yields, for the forms that share the schema.
  z.array(z.unknown(), { error: message }).max(max, message).pipe(z.array(item)) as unknown as z.ZodType<
    z.output<T>[],
    z.input<T>[]
  >;

const CODE_KEY = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * A record keyed by framework codes ("KNOWLEDGE", "VALUES_AND_ETHICS"): a key
 * such as `__proto__` or `constructor` cannot have that shape, and the number
 * of keys is capped before any value is parsed.
 */
export const recordByCode = <V extends z.ZodType>(value: V, maxKeys: number, message: string) =>
  z
    .custom<Record<string, unknown>>(
      (raw) =>
        typeof raw === "object" &&
        raw !== null &&
        !Array.isArray(raw) &&
        Object.keys(raw).length <= maxKeys &&
        Object.keys(raw).every((key) => CODE_KEY.test(key)),
      message,
    )
    .pipe(z.record(z.string(), value)) as unknown as z.ZodType<Record<string, z.output<V>>, Record<string, z.input<V>>>;

export const version = z
  .number({ error: "The record's version is missing: reload the page" })
  .int()
  .positive()
  .max(2_147_483_647);
