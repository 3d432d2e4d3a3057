"use client";
import { useState } from "react";
import { changePasswordSchema } from "@/lib/validations/account";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextField } from "@/components/form/fields";
import { PasswordAdvice } from "@/components/password-advice";
import { NewPasswordFields } from "@/components/form/new-password-fields";
import { changePasswordAction } from "../actions";

export function ChangePasswordForm() {
  const [done, setDone] = useState(false);
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: changePasswordSchema,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    action: changePasswordAction,
    onSuccess: () => {
      form.reset();
      setDone(true);
    },
  });
  return (
    <>
      {done && (
        <div role="status" className="mb-6 border-l-4 border-green-700 bg-green-50 p-4">
          <p className="font-semibold">Your password has been changed.</p>
          <p>You have been signed out on every other device.</p>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="rounded border border-gray-300 bg-white p-6">
        <ErrorSummary attempt={attempt} message={formError} fieldErrors={fieldErrors} />
        <TextField
          id="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          error={errorOf("currentPassword")}
          {...form.register("currentPassword")}
        />
        <PasswordAdvice />
        <NewPasswordFields
          newPassword={form.register("newPassword")}
          confirmPassword={form.register("confirmPassword")}
          errorOf={errorOf}
        />
        <SubmitButton pending={pending}>Change password</SubmitButton>
      </form>
    </>
  );
}
