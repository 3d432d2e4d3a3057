"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { createPanelSchema } from "@/lib/validations/panels";
import { ROLE_LABELS, type RoleName } from "@/lib/validations/user";
import { createPanelAction } from "../actions";

type Option = { id: string; name: string };
type Member = Option & { role: RoleName };

export function NewPanelForm(props: { programmes: Option[]; members: Member[]; defaultDate: string }) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, attempt, pending } = useActionForm({
    schema: createPanelSchema,
    defaultValues: {
      programmeId: props.programmes.length === 1 ? props.programmes[0].id : "",
      name: "",
      sitsOn: props.defaultDate,
      memberIds: [],
      externalExaminerName: "",
      randomPercent: "20" as unknown as number,
    },
    action: createPanelAction,
    onSuccess: (data) => router.push(`/panels/${(data as { id: string }).id}`),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="rounded border border-gray-300 bg-white p-4">
      <ErrorSummary
        attempt={attempt}
        message={formError}
        fieldErrors={{
          programmeId: errorOf("programmeId"),
          name: errorOf("name"),
          sitsOn: errorOf("sitsOn"),
          memberIds: errorOf("memberIds"),
          externalExaminerName: errorOf("externalExaminerName"),
          randomPercent: errorOf("randomPercent"),
        }}
        labels={{
          programmeId: "Degree programme",
          name: "Name",
          sitsOn: "Date",
          memberIds: "Members",
          externalExaminerName: "External examiner",
          randomPercent: "Random share",
        }}
      />
      <SelectField
        id="programmeId"
        label="Degree programme"
        placeholder="Choose a programme"
        options={props.programmes.map((programme) => ({ value: programme.id, label: programme.name }))}
        error={errorOf("programmeId")}
        {...form.register("programmeId")}
      />
      <TextField
        id="name"
        label="Name"
        hint="For example: BA Social Work, spring 2027 panel"
        autoComplete="off"
        error={errorOf("name")}
        {...form.register("name")}
      />
      <TextField
        id="sitsOn"
        type="date"
        label="Date the panel sits"
        className="max-w-xs"
        error={errorOf("sitsOn")}
        {...form.register("sitsOn")}
      />
      <fieldset
        id="memberIds"
        tabIndex={-1}
        className="mb-5"
        aria-describedby={errorOf("memberIds") ? "memberIds-error" : "memberIds-hint"}
      >
        <legend className="mb-1 font-semibold">Members besides you</legend>
        <p id="memberIds-hint" className="mb-1 text-sm text-muted">
          Your university&apos;s tutors, external examiners and service user or carer representatives, and the practice
          educators of its students. They read the sample while the panel sits, and only then.
        </p>
        {errorOf("memberIds") && (
          <p id="memberIds-error" className="mb-1 font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {errorOf("memberIds")}
          </p>
        )}
        {props.members.length === 0 && <p>Nobody else at your university has an account yet.</p>}
        {props.members.map((member) => (
          <label key={member.id} className="flex items-center gap-2 py-1">
            <input type="checkbox" value={member.id} className="h-5 w-5" {...form.register("memberIds")} />
            {member.name}
            <span className="text-sm text-muted">({ROLE_LABELS[member.role]})</span>
          </label>
        ))}
      </fieldset>
      <TextField
        id="externalExaminerName"
        label="External examiner (optional)"
        hint="Their name, for the panel's record"
        autoComplete="off"
        error={errorOf("externalExaminerName")}
        {...form.register("externalExaminerName")}
      />
      <TextField
        id="randomPercent"
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        label="Percentage of the rest sampled at random"
        hint="Of the completed assessments no rule requires, the panel reads this share, chosen at random (rounded up)."
        className="max-w-[8rem]"
        error={errorOf("randomPercent")}
        {...form.register("randomPercent")}
      />
      <SubmitButton pending={pending}>Set up the panel</SubmitButton>
    </form>
  );
}
