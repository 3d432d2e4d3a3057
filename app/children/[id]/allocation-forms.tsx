"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { ActionButton } from "@/components/action-button";
import { ALLOCATION_KIND_LABELS, allocateChildrenSchema, allocationKinds } from "@/lib/validations/children";
import { allocateChildrenAction, endAllocationAction } from "../actions";

type Option = { value: string; label: string };

export function AllocateChildForm({
  childId,
  placements,
  today,
}: {
  childId: string;
  placements: Option[];
  today: string;
}) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: allocateChildrenSchema,
    defaultValues: {
      childIds: [childId],
      placementId: "",
      kind: "DIRECT_WORK",
      startDate: today,
      endDate: "",
      overseeingPeId: "",
      groupLabel: "",
    },
    action: allocateChildrenAction,
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        <SelectField
          id="placementId"
          label="Student"
          hint="Students on active placements"
          placeholder="Choose a student"
          options={placements}
          error={errorOf("placementId")}
          {...form.register("placementId")}
        />
        <SelectField
          id="kind"
          label="Kind of work"
          options={allocationKinds.map((value) => ({ value, label: ALLOCATION_KIND_LABELS[value] }))}
          error={errorOf("kind")}
          {...form.register("kind")}
        />
        <TextField
          id="allocation-startDate"
          label="Starts on"
          type="date"
          error={errorOf("startDate")}
          {...form.register("startDate")}
        />
        <TextField
          id="groupLabel"
          label="Group name (optional)"
          hint="For group work with other children"
          error={errorOf("groupLabel")}
          {...form.register("groupLabel")}
        />
      </div>
      <p className="mb-4 text-sm text-muted">
        The student&apos;s current practice educator oversees the work. Life story work starts only once that practice
        educator signs it off.
      </p>
      <SubmitButton pending={pending}>Allocate</SubmitButton>
    </form>
  );
}

export function EndAllocationButton({
  childId,
  allocationId,
  today,
}: {
  childId: string;
  allocationId: string;
  today: string;
}) {
  return (
    <ActionButton
      variant="danger"
      confirm="End this allocation today? The student will no longer see the child's name."
      action={() => endAllocationAction(childId, allocationId, today)}
    >
      End allocation
    </ActionButton>
  );
}
