"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import { updatePlacementSchema, type UpdatePlacementInput } from "@/lib/validations/placement";
import {
  nextStatuses,
  PLACEMENT_STATUS_LABELS,
  statusNeedsReason,
  type PlacementStatusName,
} from "@/lib/placements/status-rules";
import { updatePlacementAction } from "../../actions";

type Option = { value: string; label: string };

export function EditPlacementForm(props: {
  placement: { id: string; status: PlacementStatusName; values: UpdatePlacementInput };
  onsiteSupervisors: Option[];
  tutors: Option[];
}) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: updatePlacementSchema,
    defaultValues: props.placement.values,
    action: (values) => updatePlacementAction(props.placement.id, values),
    onSuccess: () => {
      router.push(`/placements/${props.placement.id}`);
      router.refresh();
    },
  });
  const status = form.watch("status");
  const statuses = [props.placement.status, ...nextStatuses(props.placement.status)];

  return (
    <form onSubmit={onSubmit} noValidate className="rounded border border-gray-300 bg-white p-6">
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <input type="hidden" {...form.register("version", { valueAsNumber: true })} />
      <TextField id="setting" label="Setting or team" error={errorOf("setting")} {...form.register("setting")} />
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
          error={errorOf("requiredDays")}
          {...form.register("requiredDays", { valueAsNumber: true })}
        />
      </div>
      <TextField
        id="observationsRequired"
        label="Direct observations required"
        hint="Set by the university: usually 2 on a first placement and 3 on a final one"
        type="number"
        inputMode="numeric"
        className="max-w-32"
        error={errorOf("observationsRequired")}
        {...form.register("observationsRequired", { valueAsNumber: true })}
      />
      <SelectField
        id="status"
        label="Status"
        options={statuses.map((value) => ({ value, label: PLACEMENT_STATUS_LABELS[value] }))}
        error={errorOf("status")}
        {...form.register("status")}
      />
      {statusNeedsReason(status) && (
        <TextAreaField
          id="statusReason"
          label={status === "SUSPENDED" ? "Why is the placement suspended?" : "Why did the placement end early?"}
          error={errorOf("statusReason")}
          {...form.register("statusReason")}
        />
      )}
      <SelectField
        id="onsiteSupervisorId"
        label="On-site supervisor"
        placeholder="None"
        options={props.onsiteSupervisors}
        error={errorOf("onsiteSupervisorId")}
        {...form.register("onsiteSupervisorId")}
      />
      <SelectField
        id="tutorId"
        label="University tutor"
        placeholder="None"
        options={props.tutors}
        error={errorOf("tutorId")}
        {...form.register("tutorId")}
      />
      <SubmitButton pending={pending}>Save changes</SubmitButton>
    </form>
  );
}
