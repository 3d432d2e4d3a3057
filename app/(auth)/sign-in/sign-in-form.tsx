"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { SIGN_IN_FAILURE, signInSchema, type SignInInput } from "@/lib/validations/sign-in";
import { SubmitButton, TextField } from "@/components/form/fields";
import { ErrorSummary } from "@/components/form/error-summary";

export function SignInForm() {
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
    shouldFocusError: false,
  });
  const [failure, setFailure] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(
    async (values) => {
      setFailure(undefined);
      const response = await fetch("/api/auth/sign-in", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(values),
      }).catch(() => null);
      const body = (await response?.json().catch(() => null)) as { next?: string; error?: { message?: string } } | null;
      if (response?.ok && body?.next?.startsWith("/")) {
        window.location.assign(body.next);
        return;
      }
      // One message for every failure, so the page never reveals which emails have accounts.
      setFailure(
        response && response.status < 500
          ? (body?.error?.message ?? SIGN_IN_FAILURE)
          : "Signing in did not work just now. Try again in a moment.",
      );
      setAttempt((count) => count + 1);
    },
    () => setAttempt((count) => count + 1),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="rounded border border-gray-300 bg-white p-6">
      <ErrorSummary
        attempt={attempt}
        message={failure}
        fieldErrors={{ email: errors.email?.message, password: errors.password?.message }}
      />
      <TextField
        id="email"
        label="Email address"
        type="email"
        autoComplete="username"
        spellCheck={false}
        error={errors.email?.message}
        {...form.register("email")}
      />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      <SubmitButton pending={form.formState.isSubmitting}>Sign in</SubmitButton>
    </form>
  );
}
