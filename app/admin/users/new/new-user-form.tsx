"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { createUserSchema } from "@/lib/validations/user";
import { MIN_PASSWORD_LENGTH } from "@/lib/validations/user";
import { blankToNullNumber, emptyToNull, ProfileFields, roleOptions, type UniversityOption } from "../profile-fields";
import { createUserAction } from "../actions";

export function NewUserForm(props: { universities: UniversityOption[]; schools: Array<{ id: string; name: string }> }) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: createUserSchema,
    defaultValues: {
      name: "",
      email: "",
      role: undefined,
      password: "",
      pepsStage: null,
      universityId: "",
      programmeId: "",
      cohortId: "",
      yearOfStudy: null,
      placementLevel: null,
      schoolId: "",
    },
    action: createUserAction,
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

  return (
    <form onSubmit={onSubmit} noValidate className="rounded border border-gray-300 bg-white p-6">
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
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
      <SelectField
        id="role"
        label="Role"
        placeholder="Choose a role"
        options={roleOptions}
        error={errorOf("role")}
        {...form.register("role")}
      />
      <ProfileFields
        role={form.watch("role")}
        universityId={form.watch("universityId")}
        programmeId={form.watch("programmeId")}
        universities={props.universities}
        schools={props.schools}
        fields={profile}
        errorOf={errorOf}
      />
      <TextField
        id="password"
        label="Password (optional)"
        hint={`Leave blank to email the person an invitation to choose their own password (recommended). Or at least ${MIN_PASSWORD_LENGTH} characters, given to them privately.`}
        type="password"
        autoComplete="new-password"
        error={errorOf("password")}
        {...form.register("password")}
      />
      <SubmitButton pending={pending}>Add person</SubmitButton>
    </form>
  );
}
