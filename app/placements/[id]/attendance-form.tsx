"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { ATTENDANCE_KIND_LABELS, attendanceKinds } from "@/lib/placements/attendance-kinds";
import { formatDate } from "@/lib/dates";
import { recordAttendanceAction } from "../actions";

export function AttendanceForm({ placementId, today }: { placementId: string; today: string }) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    // Loaded when the form is first submitted: zod stays off the page's first load.
    schema: () => import("@/lib/validations/placement").then((module) => module.recordAttendanceSchema),
    defaultValues: { date: today, kind: "PLACEMENT_DAY", note: "" },
    action: (values) => recordAttendanceAction(placementId, values),
    onSuccess: () => {
      setSaved(`Logged ${formatDate(form.getValues("date"))}.`);
      form.reset({ date: today, kind: "PLACEMENT_DAY", note: "" });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-3">
        <TextField
          id="date"
          label="Date"
          type="date"
          max={today}
          error={errorOf("date")}
          {...form.register("date", { onChange: () => setSaved(undefined) })}
        />
        <SelectField
          id="kind"
          label="Kind of day"
          options={attendanceKinds.map((kind) => ({ value: kind, label: ATTENDANCE_KIND_LABELS[kind] }))}
          error={errorOf("kind")}
          {...form.register("kind")}
        />
        <TextField id="note" label="Note (optional)" error={errorOf("note")} {...form.register("note")} />
      </div>
      <div className="flex items-center gap-4">
        <SubmitButton pending={pending}>Log day</SubmitButton>
        <p role="status" className="font-semibold text-green-900">
          {saved}
        </p>
      </div>
    </form>
  );
}
