"use client";
import { useState } from "react";
import { twoFactorCodeSchema, type TwoFactorCodeInput } from "@/lib/validations/two-factor";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextField } from "@/components/form/fields";
import { RecoveryCodes } from "@/components/two-factor/set-up-steps";

type Outcome =
  | { ok: true; data: { recoveryCodes: string[] } }
  | { ok: false; status: number; message: string; fieldErrors?: Record<string, string[]> };

/** Posts JSON to one of the sign-in routes and reads its answer as a form outcome. */
export async function postSignIn<T>(
  path: string,
  body: unknown,
): Promise<
  { ok: true; data: T } | { ok: false; status: number; message: string; fieldErrors?: Record<string, string[]> }
> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  }).catch(() => null);
  const json = (await response?.json().catch(() => null)) as
    (T & { error?: { message?: string; fieldErrors?: Record<string, string[]> } }) | null;
  if (response?.ok && json) return { ok: true, data: json };
  return {
    ok: false,
    status: response?.status ?? 503,
    message:
      response && response.status < 500
        ? (json?.error?.message ?? "That did not work. Try again.")
        : "That did not work just now. Try again in a moment.",
    fieldErrors: json?.error?.fieldErrors,
  };
}

/**
 * The confirming code of a set-up; then the recovery codes, once. `confirm`
 * is the account page's server action, or (during a sign-in) the sign-in route.
 */
export function ConfirmSetUpForm({
  confirm,
  continueTo,
}: {
  confirm: "sign-in" | ((input: TwoFactorCodeInput) => Promise<Outcome>);
  continueTo: string;
}) {
  const [codes, setCodes] = useState<string[] | null>(null);
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: twoFactorCodeSchema,
    defaultValues: { code: "" },
    action: (values) =>
      confirm === "sign-in"
        ? postSignIn<{ recoveryCodes: string[] }>("/api/auth/sign-in/set-up-two-factor", values)
        : confirm(values),
    onSuccess: (data) => setCodes(data.recoveryCodes),
  });
  if (codes)
    return (
      <RecoveryCodes codes={codes}>
        <a
          href={continueTo}
          className="inline-block rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
        >
          I have saved my recovery codes: continue
        </a>
      </RecoveryCodes>
    );
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-sm">
      <ErrorSummary attempt={attempt} message={formError} fieldErrors={fieldErrors} />
      <TextField
        id="code"
        label="Code from your app"
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        error={errorOf("code")}
        {...form.register("code")}
      />
      <SubmitButton pending={pending}>Confirm and finish</SubmitButton>
    </form>
  );
}
