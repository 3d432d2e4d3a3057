"use client";
import { useState } from "react";
import { recoveryCodeSchema, twoFactorCodeSchema } from "@/lib/validations/two-factor";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextField } from "@/components/form/fields";
import { postSignIn } from "@/components/two-factor/code-form";

const go = (data: { next?: string }) => window.location.assign(data.next?.startsWith("/") ? data.next : "/");

/** The sign-in's second step: the app's code, or (behind a switch) a recovery code. */
export function SecondFactorForm() {
  const [recovery, setRecovery] = useState(false);
  return recovery ? (
    <>
      <RecoveryForm />
      <p className="mt-6">
        <button type="button" className="text-brand-700 underline" onClick={() => setRecovery(false)}>
          Use the code from your app instead
        </button>
      </p>
    </>
  ) : (
    <>
      <CodeForm />
      <p className="mt-6">
        <button type="button" className="text-brand-700 underline" onClick={() => setRecovery(true)}>
          Lost your phone? Use a recovery code
        </button>
      </p>
    </>
  );
}

function CodeForm() {
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: twoFactorCodeSchema,
    defaultValues: { code: "" },
    action: (values) => postSignIn<{ next?: string }>("/api/auth/sign-in/code", values),
    onSuccess: go,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="rounded border border-gray-300 bg-white p-6">
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
      <SubmitButton pending={pending}>Continue</SubmitButton>
    </form>
  );
}

function RecoveryForm() {
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: recoveryCodeSchema,
    defaultValues: { recoveryCode: "" },
    action: (values) => postSignIn<{ next?: string }>("/api/auth/sign-in/code", values),
    onSuccess: go,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="rounded border border-gray-300 bg-white p-6">
      <ErrorSummary attempt={attempt} message={formError} fieldErrors={fieldErrors} />
      <TextField
        id="recoveryCode"
        label="Recovery code"
        hint="One of the codes you saved when you set up two-factor sign-in. Each works once."
        autoComplete="off"
        spellCheck={false}
        error={errorOf("recoveryCode")}
        {...form.register("recoveryCode")}
      />
      <SubmitButton pending={pending}>Continue</SubmitButton>
    </form>
  );
}
