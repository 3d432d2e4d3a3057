"use client";
import { useState } from "react";
import { forgotPasswordSchema } from "@/lib/validations/forgot-password";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextField } from "@/components/form/fields";
import { requestPasswordResetAction } from "../actions";

export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string>();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: forgotPasswordSchema,
    defaultValues: { email: "" },
    action: requestPasswordResetAction,
    onSuccess: () => setSentTo(form.getValues("email")),
  });
  if (sentTo)
    return (
      <div role="status" className="border-l-4 border-green-700 bg-green-50 p-4">
        <p className="font-semibold">Check your email</p>
        <p>
          If an account uses {sentTo}, we have sent it a link to choose a new password. It may take a few minutes to
          arrive. Nothing came? Check your junk folder, or ask the team manager.
        </p>
      </div>
    );
  return (
    <form onSubmit={onSubmit} noValidate className="rounded border border-gray-300 bg-white p-6">
      <ErrorSummary attempt={attempt} message={formError} fieldErrors={fieldErrors} />
      <TextField
        id="email"
        label="Email address"
        type="email"
        autoComplete="username"
        spellCheck={false}
        error={errorOf("email")}
        {...form.register("email")}
      />
      <SubmitButton pending={pending}>Send me a link</SubmitButton>
    </form>
  );
}
