"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { describedBy, SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { updateUserSchema, type UpdateUserInput } from "@/lib/validations/user";
import { MIN_PASSWORD_LENGTH } from "@/lib/validations/user";
import { blankToNullNumber, emptyToNull, ProfileFields, roleOptions, type UniversityOption } from "../profile-fields";
import { updateUserAction } from "../actions";

export function EditUserForm(props: {
  userId: string;
  isSelf: boolean;
  values: UpdateUserInput;
  universities: UniversityOption[];
  schools: Array<{ id: string; name: string }>;
}) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: updateUserSchema,
    defaultValues: props.values,
    action: (values) => updateUserAction(props.userId, values),
    onSuccess: () => {
      router.push("/admin/users");
      router.refresh();
    },
  });
  // Fields hidden for the chosen role are unregistered, so a value chosen for another role is not sent.
  const profile = {
    pepsStage: form.register("pepsStage", { shouldUnregister: true, setValueAs: emptyToNull }),
    universityId: form.register("universityId", {
      shouldUnregister: true,
      // A different university has different programmes and cohorts.
      onChange: () => {
        form.setValue("programmeId", "");
        form.setValue("cohortId", "");
      },
    }),
    programmeId: form.register("programmeId", {
      shouldUnregister: true,
      onChange: () => form.setValue("cohortId", ""),
    }),
    cohortId: form.register("cohortId", { shouldUnregister: true }),
    yearOfStudy: form.register("yearOfStudy", { shouldUnregister: true, setValueAs: blankToNullNumber }),
    placementLevel: form.register("placementLevel", { shouldUnregister: true, setValueAs: emptyToNull }),
    schoolId: form.register("schoolId", { shouldUnregister: true }),
  };
  const activeHint = props.isSelf
    ? "This is your own account: you cannot deactivate it or remove your admin role."
    : "Someone who is not active cannot sign in. Their records are kept.";
  const activeError = errorOf("active");

  return (
    <form onSubmit={onSubmit} noValidate className="rounded border border-gray-300 bg-white p-6">
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <input type="hidden" {...form.register("version", { valueAsNumber: true })} />
      <TextField id="name" label="Full name" autoComplete="off" error={errorOf("name")} {...form.register("name")} />
      <TextField
        id="email"
        label="Email address"
        hint="They sign in with this address"
        type="email"
        autoComplete="off"
        spellCheck={false}
        error={errorOf("email")}
        {...form.register("email")}
      />
      <SelectField id="role" label="Role" options={roleOptions} error={errorOf("role")} {...form.register("role")} />
      <ProfileFields
        role={form.watch("role")}
        universityId={form.watch("universityId")}
        programmeId={form.watch("programmeId")}
        universities={props.universities}
        schools={props.schools}
        fields={profile}
        errorOf={errorOf}
      />
      <div className={`mb-5 ${activeError ? "border-l-4 border-red-700 pl-3" : ""}`}>
        {activeError && (
          <p id="active-error" className="mb-1 font-semibold text-red-800" aria-live="polite">
            <span className="sr-only">Error: </span>
            {activeError}
          </p>
        )}
        <div className="flex items-center gap-3">
          <input
            id="active"
            type="checkbox"
            className="h-6 w-6 shrink-0 accent-brand-600"
            aria-invalid={activeError ? true : undefined}
            aria-describedby={describedBy("active", activeHint, activeError)}
            {...form.register("active")}
          />
          <label htmlFor="active" className="font-semibold">
            Active: this person can sign in
          </label>
        </div>
        <p id="active-hint" className="mt-1 text-sm text-muted">
          {activeHint}
        </p>
      </div>
      <TextField
        id="newPassword"
        label="New password (optional)"
        hint={`Leave blank to keep the current password. A new one needs at least ${MIN_PASSWORD_LENGTH} characters.`}
        type="password"
        autoComplete="new-password"
        error={errorOf("newPassword")}
        {...form.register("newPassword")}
      />
      <SubmitButton pending={pending}>Save changes</SubmitButton>
    </form>
  );
}
