"use client";
import type { ReactNode } from "react";
import type { Path, UseFormReturn } from "react-hook-form";
import { SelectField, TextAreaField, TextField } from "@/components/form/fields";
import { SUPERVISION_TYPE_LABELS, supervisionTypes, type SupervisionNotesInput } from "@/lib/validations/supervision";
import { PCF_DOMAINS } from "@/lib/frameworks/pcf";
import { Checkbox } from "./checkbox";
import { AgreedActionsFields } from "./agreed-actions-fields";

const TYPE_OPTIONS = supervisionTypes.map((type) => ({ value: type, label: SUPERVISION_TYPE_LABELS[type] }));
const legend = "mb-3 text-xl font-bold";

/** The practice educator's part of a record: shared by the "record a session" form and the draft editor. */
export function SupervisionNotesFields({
  form,
  maxDate,
  minDate,
  onsiteSupervisorLabel,
  otherStudents,
  agendaTools,
}: {
  form: UseFormReturn<SupervisionNotesInput>;
  minDate: string;
  maxDate: string;
  /** The on-site supervisor's checkbox label; null when the placement has none, and the box is not offered. */
  onsiteSupervisorLabel: string | null;
  /** Other students placed with the team during this placement, who may attend group supervision. */
  otherStudents: Array<{ id: string; name: string }>;
  agendaTools?: ReactNode;
}) {
  const errorOf = (path: Path<SupervisionNotesInput>) => form.getFieldState(path, form.formState).error?.message;
  const { register } = form;
  const type = form.watch("type");
  const ticked = form.watch("otherStudentIds") ?? [];
  // Other students come to group supervision: the list is offered there, or wherever some are already ticked.
  const offerOtherStudents = otherStudents.length > 0 && (type === "GROUP" || ticked.length > 0);
  return (
    <>
      <fieldset className="mb-4">
        <legend className={legend}>The session</legend>
        <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2 lg:grid-cols-4">
          <TextField
            id="heldOn"
            label="Date"
            type="date"
            min={minDate}
            max={maxDate}
            error={errorOf("heldOn")}
            {...register("heldOn")}
          />
          <TextField
            id="startTime"
            label="Start time"
            type="time"
            error={errorOf("startTime")}
            {...register("startTime")}
          />
          <TextField
            id="durationMinutes"
            label="Length in minutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={480}
            error={errorOf("durationMinutes")}
            {...register("durationMinutes", { valueAsNumber: true })}
          />
          <SelectField
            id="type"
            label="Type of session"
            options={TYPE_OPTIONS}
            error={errorOf("type")}
            {...register("type")}
          />
        </div>
        <p className="-mt-2 text-sm text-muted">
          Formal supervision usually lasts about 90 minutes. Review meetings and direct-observation feedback are
          recorded but do not count as supervision.
        </p>
      </fieldset>

      <fieldset className="mb-6">
        <legend className={legend}>Who attended</legend>
        <div className="mb-3 grid grid-cols-1 gap-x-4 sm:grid-cols-3">
          <Checkbox id="attendedPracticeEducator" label="Practice educator" {...register("attendedPracticeEducator")} />
          {onsiteSupervisorLabel && (
            <Checkbox
              id="attendedOnsiteSupervisor"
              label={onsiteSupervisorLabel}
              {...register("attendedOnsiteSupervisor")}
            />
          )}
          <Checkbox id="attendedStudent" label="Student" {...register("attendedStudent")} />
        </div>
        {offerOtherStudents && (
          <fieldset className="mb-3" aria-describedby="otherStudentIds-hint">
            <legend className="font-semibold">Other students present</legend>
            <p id="otherStudentIds-hint" className="text-sm text-muted">
              Students on placement with the team. Each reader sees their names only where they may see them elsewhere;
              a tutor from another university sees &quot;a student from another university&quot;.
            </p>
            {errorOf("otherStudentIds") && (
              <p id="otherStudentIds" className="mb-2 font-semibold text-red-800">
                <span className="sr-only">Error: </span>
                {errorOf("otherStudentIds")}
              </p>
            )}
            <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2 lg:grid-cols-3">
              {otherStudents.map((student) => (
                <Checkbox
                  key={student.id}
                  id={`otherStudent-${student.id}`}
                  value={student.id}
                  label={student.name}
                  {...register("otherStudentIds")}
                />
              ))}
            </div>
          </fieldset>
        )}
        <TextAreaField
          id="otherAttendees"
          label="Anyone else present (optional)"
          hint="People without an account here, one per line with their role, for example: Jo Hartley (family support worker). Tick other students in group supervision rather than typing their names."
          rows={2}
          error={errorOf("otherAttendees")}
          {...register("otherAttendees")}
        />
      </fieldset>

      <div className="mb-2">
        <h2 className={legend}>Agenda</h2>
        {agendaTools}
        <TextAreaField
          id="agenda"
          label="Agenda items"
          hint="One item per line"
          rows={6}
          error={errorOf("agenda")}
          {...register("agenda")}
        />
      </div>

      <fieldset className="mb-2">
        <legend className={legend}>Discussion</legend>
        <TextAreaField
          id="caseDiscussion"
          label="Case discussion"
          hint="Refer to children and families by their case code, never by name"
          rows={6}
          error={errorOf("caseDiscussion")}
          {...register("caseDiscussion")}
        />
        <TextAreaField
          id="reflectionAndLearning"
          label="Reflection and learning"
          rows={6}
          error={errorOf("reflectionAndLearning")}
          {...register("reflectionAndLearning")}
        />
        <TextAreaField
          id="wellbeingAndWorkload"
          label="Wellbeing and workload"
          rows={4}
          error={errorOf("wellbeingAndWorkload")}
          {...register("wellbeingAndWorkload")}
        />
      </fieldset>

      <fieldset className="mb-6" aria-describedby="pcfDomains-hint">
        <legend className="mb-1 text-xl font-bold">PCF domains discussed</legend>
        <p id="pcfDomains-hint" className="mb-2 text-sm text-muted">
          Professional Capabilities Framework (BASW, 2018). Tick every domain the discussion touched on.
        </p>
        {errorOf("pcfDomains") && (
          <p id="pcfDomains" className="mb-2 font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {errorOf("pcfDomains")}
          </p>
        )}
        <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2 lg:grid-cols-3">
          {PCF_DOMAINS.map((domain) => (
            <Checkbox
              key={domain.code}
              id={`pcf-${domain.code}`}
              value={domain.code}
              label={`${domain.number}. ${domain.name}`}
              {...register("pcfDomains")}
            />
          ))}
        </div>
      </fieldset>

      <AgreedActionsFields form={form} />
    </>
  );
}
