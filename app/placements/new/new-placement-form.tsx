"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { createPlacementSchema } from "@/lib/validations/placement";
import { isPlacementLevel, placementDefaults } from "@/lib/placements/placement-levels";
import { createPlacementAction } from "../actions";

type Option = { value: string; label: string };

export function NewPlacementForm(props: {
  today: string;
  students: Option[];
  practiceEducators: Option[];
  onsiteSupervisors: Option[];
  tutors: Option[];
}) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: createPlacementSchema,
    defaultValues: {
      studentId: "",
      setting: "",
      level: "FIRST",
      startDate: props.today,
      endDate: "",
      requiredDays: placementDefaults("FIRST").requiredDays,
      practiceEducatorId: "",
      onsiteSupervisorId: "",
      tutorId: "",
    },
    action: createPlacementAction,
    onSuccess: (data) => router.push(`/placements/${data.id}`),
  });
  const level = form.register("level", {
    // Changing the level resets required days to that level's default (70 first, 100 final).
    onChange: (event) => {
      if (isPlacementLevel(event.target.value))
        form.setValue("requiredDays", placementDefaults(event.target.value).requiredDays);
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="rounded border border-gray-300 bg-white p-6">
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <SelectField
        id="studentId"
        label="Student"
        placeholder="Choose a student"
        options={props.students}
        error={errorOf("studentId")}
        {...form.register("studentId")}
      />
      <TextField
        id="setting"
        label="Setting or team"
        hint="For example: Early help direct work in schools"
        error={errorOf("setting")}
        {...form.register("setting")}
      />
      <SelectField
        id="level"
        label="Placement level"
        options={[
          { value: "FIRST", label: "First placement" },
          { value: "FINAL", label: "Final (last) placement" },
        ]}
        error={errorOf("level")}
        {...level}
      />
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-3">
        <TextField
          id="startDate"
          label="Start date"
          type="date"
          error={errorOf("startDate")}
          {...form.register("startDate")}
        />
        <TextField
          id="endDate"
          label="Planned end date"
          type="date"
          error={errorOf("endDate")}
          {...form.register("endDate")}
        />
        <TextField
          id="requiredDays"
          label="Required days"
          type="number"
          inputMode="numeric"
          min={1}
          max={200}
          error={errorOf("requiredDays")}
          {...form.register("requiredDays", { valueAsNumber: true })}
        />
      </div>
      <SelectField
        id="practiceEducatorId"
        label="Practice educator"
        placeholder="Choose a practice educator"
        options={props.practiceEducators}
        error={errorOf("practiceEducatorId")}
        {...form.register("practiceEducatorId")}
      />
      <SelectField
        id="onsiteSupervisorId"
        label="On-site supervisor (optional)"
        placeholder="None"
        options={props.onsiteSupervisors}
        error={errorOf("onsiteSupervisorId")}
        {...form.register("onsiteSupervisorId")}
      />
      <SelectField
        id="tutorId"
        label="University tutor (optional)"
        hint="Must be from the student's university"
        placeholder="None"
        options={props.tutors}
        error={errorOf("tutorId")}
        {...form.register("tutorId")}
      />
      <SubmitButton pending={pending}>Add placement</SubmitButton>
    </form>
  );
}
