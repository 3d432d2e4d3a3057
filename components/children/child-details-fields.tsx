"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "@/components/form/fields";

// A child's identifying details, as the team records a new child and as a
// partner school asks for support for a pupil: one set of fields, so both
// forms ask the same questions the same way. Each form registers the fields
// with its own schema and passes them in.

export type ChildDetailsFieldName = "firstName" | "lastName" | "dateOfBirth" | "yearGroup";

export function ChildDetailsFields(props: {
  fields: Record<ChildDetailsFieldName, UseFormRegisterReturn>;
  errorOf: (field: string) => string | undefined;
  /** "pupil" when a school asks ("Pupil's first name"); "child" in the team's own records. */
  subject: "pupil" | "child";
  /** The latest date of birth the date picker offers (today). */
  today?: string;
  yearGroupOptional?: boolean;
}) {
  const { fields, errorOf } = props;
  const name = (part: string) =>
    props.subject === "pupil" ? `Pupil's ${part}` : `${part[0].toUpperCase()}${part.slice(1)}`;
  return (
    <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
      <TextField
        id="firstName"
        label={name("first name")}
        autoComplete="off"
        error={errorOf("firstName")}
        {...fields.firstName}
      />
      <TextField
        id="lastName"
        label={name("last name")}
        autoComplete="off"
        error={errorOf("lastName")}
        {...fields.lastName}
      />
      <TextField
        id="dateOfBirth"
        label="Date of birth"
        type="date"
        max={props.today}
        error={errorOf("dateOfBirth")}
        {...fields.dateOfBirth}
      />
      <TextField
        id="yearGroup"
        label={props.yearGroupOptional ? "Year group (optional)" : "Year group"}
        hint="0 for reception"
        type="number"
        inputMode="numeric"
        min={0}
        max={13}
        error={errorOf("yearGroup")}
        {...fields.yearGroup}
      />
    </div>
  );
}
