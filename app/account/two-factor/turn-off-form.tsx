"use client";
import { useRouter } from "next/navigation";
import { turnOffTwoFactorSchema } from "@/lib/validations/two-factor";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextField } from "@/components/form/fields";
import { turnOffTwoFactorAction } from "../actions";

export function TurnOffTwoFactorForm() {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: turnOffTwoFactorSchema,
    defaultValues: { password: "", code: "" },
    action: turnOffTwoFactorAction,
    onSuccess: () => router.replace("/account"),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="rounded border border-gray-300 bg-white p-6">
      <ErrorSummary attempt={attempt} message={formError} fieldErrors={fieldErrors} />
      <TextField
        id="password"
        label="Your password"
        type="password"
        autoComplete="current-password"
        error={errorOf("password")}
        {...form.register("password")}
      />
      <TextField
        id="code"
        label="Code from your app"
        inputMode="numeric"
        autoComplete="one-time-code"
        error={errorOf("code")}
        {...form.register("code")}
      />
      <SubmitButton pending={pending}>Turn off two-factor sign-in</SubmitButton>
    </form>
  );
}
