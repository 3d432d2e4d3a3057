"use client";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";

type ActionOutcome<Data> =
  { ok: true; data: Data } | { ok: false; status: number; message: string; fieldErrors?: Record<string, string[]> };

/**
 * react-hook-form validated by the same zod schema the server parses with,
 * submitting to a server action. The server's answer is shown the same way as
 * the browser's own checks: beside each field and in the summary.
 */
export function useActionForm<Schema extends z.ZodType<FieldValues, FieldValues>, Data = unknown>(options: {
  schema: Schema;
  defaultValues: DefaultValues<z.input<Schema>>;
  action: (values: z.input<Schema>) => Promise<ActionOutcome<Data>>;
  /** Runs with what the action returned. */
  onSuccess: (data: Data) => void;
}) {
  const form = useForm<z.input<Schema>>({
    resolver: zodResolver(options.schema as never) as unknown as Resolver<z.input<Schema>>,
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

  const errorOf = (field: string): string | undefined => {
    const error = (form.formState.errors as Record<string, { message?: string } | undefined>)[field];
    return error?.message;
  };
  const fieldErrors = Object.fromEntries(Object.keys(form.formState.errors).map((field) => [field, errorOf(field)]));

  return { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending: form.formState.isSubmitting };
}
