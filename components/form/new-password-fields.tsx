"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "@/components/form/fields";

/** "New password" and "New password again": the pair every form that sets a password shows, worded once. */
export function NewPasswordFields({
  newPassword,
  confirmPassword,
  errorOf,
}: {
  newPassword: UseFormRegisterReturn;
  confirmPassword: UseFormRegisterReturn;
  errorOf: (field: "newPassword" | "confirmPassword") => string | undefined;
}) {
  return (
    <>
      <TextField
        id="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. Three or four unrelated words are strong and easy to remember."
        error={errorOf("newPassword")}
        {...newPassword}
      />
      <TextField
        id="confirmPassword"
        label="New password again"
        type="password"
        autoComplete="new-password"
        error={errorOf("confirmPassword")}
        {...confirmPassword}
      />
    </>
  );
}
