"use client";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";

type ActionOutcome<Data> =
  { ok: true; data: Data } | { ok: false; status: number; message: string; fieldErrors?: Record<string, string[]> };

/** The message at a dotted path of react-hook-form's errors ("themes.3"), and every message under it, flattened. */
function messagesOf(errors: unknown, prefix = ""): Array<[string, string]> {
  if (typeof errors !== "object" || errors === null) return [];
  const found: Array<[string, string]> = [];
  const own = (errors as { message?: unknown }).message;
  if (prefix && typeof own === "string") found.push([prefix, own]);
  for (const [key, value] of Object.entries(errors)) {
    if (key === "message" || key === "ref" || key === "type" || key === "types" || key === "root") continue;
    found.push(...messagesOf(value, prefix ? `${prefix}.${key}` : key));
  }
  return found;
}

/**
 * A react-hook-form resolver that imports the zod resolver (and the schema,
 * when given as a function) at the first validation, so a page whose forms
 * are not submitted yet ships neither (README: Benchmark, first-load JavaScript).
 */
function lazyZodResolver<Values extends FieldValues>(schema: z.ZodType | (() => Promise<z.ZodType>)): Resolver<Values> {
  let loaded: Promise<Resolver<Values>> | null = null;
  return async (values, context, options) => {
    loaded ??= Promise.all([
      import("@hookform/resolvers/zod"),
      typeof schema === "function" ? schema() : Promise.resolve(schema),
    ]).then(
      ([{ zodResolver }, resolved]) =>
        zodResolver(resolved as never, undefined, { raw: true }) as unknown as Resolver<Values>,
    );
    return (await loaded)(values, context, options);
  };
}

/**
 * react-hook-form validated by the same zod schema the server parses with,
 * submitting to a server action. The server's answer is shown the same way as
 * the browser's own checks: beside each field and in the summary.
 *
 * The action gets the form's raw values (what the user entered, the schema's
 * input), not the browser's parsed ones: the server parses them again with the
 * same schema, so a field the schema transforms ("yes" → true, "" → null)
 * arrives in the one shape the schema accepts, as it does from the API.
 */
export function useActionForm<Schema extends z.ZodType<FieldValues, FieldValues>, Data = unknown>(options: {
  /** The schema, or a function that imports it: then zod loads when the form is first submitted, not with the page. */
  schema: Schema | (() => Promise<Schema>);
  defaultValues: DefaultValues<z.input<Schema>>;
  action: (values: z.input<Schema>) => Promise<ActionOutcome<Data>>;
  /** Runs with what the action returned. */
  onSuccess: (data: Data) => void;
}) {
  const [resolver] = useState(() => lazyZodResolver<z.input<Schema>>(options.schema));
  const form = useForm<z.input<Schema>>({
    resolver,
    defaultValues: options.defaultValues,
    mode: "onSubmit",
    shouldFocusError: false,
  });
  const [formError, setFormError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const fail = (message: string) => {
    setFormError(message);
    setAttempt((count) => count + 1);
  };

  const onSubmit = form.handleSubmit(
    async (values) => {
      setFormError(undefined);
      const result = await options.action(values);
      if (result.ok) {
        options.onSuccess(result.data);
        return;
      }
      fail(result.message);
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        form.setError(field as Path<z.input<Schema>>, { type: "server", message: messages[0] });
      }
    },
    () => fail("There is a problem: check the highlighted fields."),
  );

  const messages = messagesOf(form.formState.errors);
  /** The error of a field, by its name as registered: "name", or "themes.3" inside a list. */
  const errorOf = (field: string): string | undefined => messages.find(([path]) => path === field)?.[1];
  /** Every error, keyed by the field's name (which is also its id, for the summary's links). */
  const fieldErrors: Record<string, string | undefined> = Object.fromEntries(messages);

  return { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending: form.formState.isSubmitting };
}
