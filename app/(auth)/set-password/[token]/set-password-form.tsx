"use client";
import { useRouter } from "next/navigation";
import { setPasswordSchema } from "@/lib/validations/account";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton } from "@/components/form/fields";
import { PasswordAdvice } from "@/components/password-advice";
import { NewPasswordFields } from "@/components/form/new-password-fields";
import { setPasswordAction } from "../../actions";

export function SetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: setPasswordSchema,
    defaultValues: { newPassword: "", confirmPassword: "" },
    action: (values) => setPasswordAction(token, values),
    onSuccess: () => router.replace("/sign-in?password=set"),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="rounded border border-gray-300 bg-white p-6">
      <ErrorSummary attempt={attempt} message={formError} fieldErrors={fieldErrors} />
      <PasswordAdvice />
      <NewPasswordFields
        newPassword={form.register("newPassword")}
        confirmPassword={form.register("confirmPassword")}
        errorOf={errorOf}
      />
      <SubmitButton pending={pending}>Save password</SubmitButton>
    </form>
  );
}
