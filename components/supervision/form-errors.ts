import type { FieldErrors, Path } from "react-hook-form";
import { supervisionNotesSchema, type SupervisionNotesInput } from "@/lib/validations/supervision";

/**
 * Every error in a react-hook-form errors tree, keyed by its dotted path
 * ("actions.0.description"), the same as the input's id, so the error
 * summary links straight to the field.
 */
export function flattenErrors(errors: FieldErrors, prefix = ""): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const node = value as { message?: unknown; ref?: unknown; type?: unknown };
    if (typeof node.message === "string" && node.message) result[path] = node.message;
    for (const [childKey, child] of Object.entries(value as Record<string, unknown>)) {
      if (
        childKey === "ref" ||
        childKey === "message" ||
        childKey === "type" ||
        childKey === "types" ||
        childKey === "root"
      )
        continue;
      if (child && typeof child === "object")
        Object.assign(result, flattenErrors({ [childKey]: child } as FieldErrors, path));
    }
  }
  return result;
}

/** Labels for the error summary: "Action 2: Enter the action". */
export function errorLabels(fieldErrors: Record<string, string>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const field of Object.keys(fieldErrors)) {
    const match = /^actions\.(\d+)\./.exec(field);
    if (match) labels[field] = `Action ${Number(match[1]) + 1}`;
  }
  return labels;
}

const NOTES_FIELDS = new Set(Object.keys(supervisionNotesSchema.shape));
const ACTION_FIELD = /^actions\.\d{1,2}\.(description|owner|dueDate)$/;

/** Whether a field named in a server's answer is a field of the notes form (so its error can be shown beside it). */
export function isNotesField(name: string): name is Path<SupervisionNotesInput> {
  return NOTES_FIELDS.has(name) || ACTION_FIELD.test(name);
}
