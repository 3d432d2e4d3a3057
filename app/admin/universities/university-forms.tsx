"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { describedBy, Field, SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { createCohortSchema, createDegreeProgrammeSchema, createUniversitySchema } from "@/lib/validations/university";
import { createCohortAction, createDegreeProgrammeAction, createUniversityAction } from "./actions";

// Three small forms on one page: each gives its inputs their own ids, and its
// error summary links to those ids rather than to the schema's field names.

type University = { id: string; name: string; degreeProgrammes: Array<{ id: string; name: string }> };

const controlClass =
  "block w-full rounded border-2 border-gray-700 bg-white px-2 py-1.5 text-base aria-[invalid=true]:border-red-700 disabled:bg-gray-100";

function Status({ message }: { message?: string }) {
  return (
    <p role="status" className="mt-3 font-semibold text-green-900">
      {message}
    </p>
  );
}

export function AddUniversityForm() {
  const router = useRouter();
  const [status, setStatus] = useState<string>();
  const { form, onSubmit, formError, errorOf, attempt, pending } = useActionForm({
    schema: createUniversitySchema,
    defaultValues: { name: "" },
    action: createUniversityAction,
    onSuccess: () => {
      setStatus(`Added ${form.getValues("name").trim()}.`);
      form.reset({ name: "" });
      router.refresh();
    },
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="add-university-heading"
      className="rounded border border-gray-300 bg-white p-4"
    >
      <h2 id="add-university-heading" className="mb-3 text-xl font-bold">
        Add a university
      </h2>
      <ErrorSummary
        attempt={attempt}
        message={formError}
        fieldErrors={{ universityName: errorOf("name") }}
        labels={{ universityName: "University's name" }}
      />
      <TextField
        id="universityName"
        label="University's name"
        autoComplete="off"
        error={errorOf("name")}
        {...form.register("name", { onChange: () => setStatus(undefined) })}
      />
      <SubmitButton pending={pending}>Add university</SubmitButton>
      <Status message={status} />
    </form>
  );
}

export function AddDegreeProgrammeForm({ universities }: { universities: University[] }) {
  const router = useRouter();
  const [status, setStatus] = useState<string>();
  const { form, onSubmit, formError, errorOf, attempt, pending } = useActionForm({
    schema: createDegreeProgrammeSchema,
    defaultValues: { universityId: "", name: "" },
    action: createDegreeProgrammeAction,
    onSuccess: () => {
      const { universityId, name } = form.getValues();
      const university = universities.find((option) => option.id === universityId);
      setStatus(`Added ${name.trim()}${university ? ` to ${university.name}` : ""}.`);
      // The university stays chosen, for adding several degree programmes to it.
      form.reset({ universityId, name: "" });
      router.refresh();
    },
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="add-degree-programme-heading"
      className="rounded border border-gray-300 bg-white p-4"
    >
      <h2 id="add-degree-programme-heading" className="mb-3 text-xl font-bold">
        Add a degree programme
      </h2>
      {universities.length === 0 ? (
        <p>Add a university first.</p>
      ) : (
        <>
          <ErrorSummary
            attempt={attempt}
            message={formError}
            fieldErrors={{ programmeUniversityId: errorOf("universityId"), programmeName: errorOf("name") }}
            labels={{ programmeUniversityId: "University", programmeName: "Degree programme's name" }}
          />
          <SelectField
            id="programmeUniversityId"
            label="University"
            placeholder="Choose a university"
            options={universities.map((university) => ({ value: university.id, label: university.name }))}
            error={errorOf("universityId")}
            {...form.register("universityId", { onChange: () => setStatus(undefined) })}
          />
          <TextField
            id="programmeName"
            label="Degree programme's name"
            hint="For example: MA Social Work"
            autoComplete="off"
            error={errorOf("name")}
            {...form.register("name", { onChange: () => setStatus(undefined) })}
          />
          <SubmitButton pending={pending}>Add degree programme</SubmitButton>
          <Status message={status} />
        </>
      )}
    </form>
  );
}

export function AddCohortForm({ universities }: { universities: University[] }) {
  const router = useRouter();
  const [status, setStatus] = useState<string>();
  const { form, onSubmit, formError, errorOf, attempt, pending } = useActionForm({
    schema: createCohortSchema,
    defaultValues: { programmeId: "", name: "" },
    action: createCohortAction,
    onSuccess: () => {
      const { programmeId, name } = form.getValues();
      const university = universities.find((option) =>
        option.degreeProgrammes.some((programme) => programme.id === programmeId),
      );
      const programme = university?.degreeProgrammes.find((option) => option.id === programmeId);
      setStatus(`Added ${name.trim()}${programme && university ? ` to ${programme.name} at ${university.name}` : ""}.`);
      // The degree programme stays chosen, for adding several cohorts to it.
      form.reset({ programmeId, name: "" });
      router.refresh();
    },
  });
  const withProgrammes = universities.filter((university) => university.degreeProgrammes.length > 0);
  const programmeError = errorOf("programmeId");
  const programmeHint = "Grouped by university";

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="add-cohort-heading"
      className="rounded border border-gray-300 bg-white p-4"
    >
      <h2 id="add-cohort-heading" className="mb-3 text-xl font-bold">
        Add a cohort
      </h2>
      {withProgrammes.length === 0 ? (
        <p>Add a degree programme first.</p>
      ) : (
        <>
          <ErrorSummary
            attempt={attempt}
            message={formError}
            fieldErrors={{ cohortProgrammeId: programmeError, cohortName: errorOf("name") }}
            labels={{ cohortProgrammeId: "Degree programme", cohortName: "Cohort's name" }}
          />
          <Field id="cohortProgrammeId" label="Degree programme" hint={programmeHint} error={programmeError}>
            <select
              id="cohortProgrammeId"
              aria-invalid={programmeError ? true : undefined}
              aria-describedby={describedBy("cohortProgrammeId", programmeHint, programmeError)}
              className={controlClass}
              {...form.register("programmeId", { onChange: () => setStatus(undefined) })}
            >
              <option value="">Choose a degree programme</option>
              {withProgrammes.map((university) => (
                <optgroup key={university.id} label={university.name}>
                  {university.degreeProgrammes.map((programme) => (
                    // The university is in the text too: not every screen reader reads a group's label.
                    <option key={programme.id} value={programme.id}>
                      {programme.name} ({university.name})
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </Field>
          <TextField
            id="cohortName"
            label="Cohort's name"
            hint="For example: September 2026 intake"
            autoComplete="off"
            error={errorOf("name")}
            {...form.register("name", { onChange: () => setStatus(undefined) })}
          />
          <SubmitButton pending={pending}>Add cohort</SubmitButton>
          <Status message={status} />
        </>
      )}
    </form>
  );
}
