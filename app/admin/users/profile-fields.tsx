"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import { SelectField, TextField } from "@/components/form/fields";
import {
  ROLE_LABELS,
  roleBelongsToUniversity,
  roleHasPepsStage,
  roleHasSchool,
  roleHasStudentProfile,
  roles,
  type RoleName,
} from "@/lib/validations/user";

// The fields of an account that depend on its role, shared by the "add" and
// "edit" forms: PEPS stage for practice educators; university for students
// and tutors (and a panel's guests); programme, cohort, year and placement
// level for students; the partner school for a school contact.

export type UniversityOption = {
  id: string;
  name: string;
  degreeProgrammes: Array<{ id: string; name: string; cohorts: Array<{ id: string; name: string }> }>;
};

export type ProfileFieldName =
  "pepsStage" | "universityId" | "programmeId" | "cohortId" | "yearOfStudy" | "placementLevel" | "schoolId";

export const roleOptions = roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** A select's "none" option submits "": the enum fields want null instead. */
export const emptyToNull = (value: unknown) => (value === "" || value === undefined ? null : value);

/** A blank number box is null, not NaN. */
export const blankToNullNumber = (value: unknown) =>
  value === "" || value === null || value === undefined ? null : Number(value);

export function ProfileFields(props: {
  role: RoleName | undefined;
  universityId: string | null | undefined;
  programmeId: string | null | undefined;
  universities: UniversityOption[];
  schools: Array<{ id: string; name: string }>;
  fields: Record<ProfileFieldName, UseFormRegisterReturn>;
  errorOf: (field: string) => string | undefined;
}) {
  const { role, universities, fields, errorOf } = props;
  if (!role) return null;
  const university = universities.find((option) => option.id === props.universityId);
  const programme = university?.degreeProgrammes.find((option) => option.id === props.programmeId);

  return (
    <>
      {roleHasPepsStage(role) && (
        <SelectField
          id="pepsStage"
          label="PEPS stage"
          hint="Practice Educator Professional Standards: only a stage 2 practice educator can ratify a final placement"
          placeholder="Choose a stage"
          options={[
            { value: "STAGE_1", label: "Stage 1" },
            { value: "STAGE_2", label: "Stage 2" },
          ]}
          error={errorOf("pepsStage")}
          {...fields.pepsStage}
        />
      )}
      {roleHasSchool(role) && (
        <SelectField
          id="schoolId"
          label="Partner school"
          hint="They ask for support for this school's pupils and follow its requests, nothing else. They are emailed an invitation."
          placeholder="Choose a school"
          options={props.schools.map((option) => ({ value: option.id, label: option.name }))}
          error={errorOf("schoolId")}
          {...fields.schoolId}
        />
      )}
      {roleBelongsToUniversity(role) && (
        <SelectField
          id="universityId"
          label="University"
          placeholder="Choose a university"
          options={universities.map((option) => ({ value: option.id, label: option.name }))}
          error={errorOf("universityId")}
          {...fields.universityId}
        />
      )}
      {roleHasStudentProfile(role) && (
        <>
          <SelectField
            id="programmeId"
            label="Programme"
            hint={university ? undefined : "Choose the university first"}
            placeholder="Choose a programme"
            options={(university?.degreeProgrammes ?? []).map((option) => ({ value: option.id, label: option.name }))}
            error={errorOf("programmeId")}
            {...fields.programmeId}
          />
          <SelectField
            id="cohortId"
            label="Cohort (optional)"
            hint={programme ? undefined : "Choose the programme first"}
            placeholder="None"
            options={(programme?.cohorts ?? []).map((option) => ({ value: option.id, label: option.name }))}
            error={errorOf("cohortId")}
            {...fields.cohortId}
          />
          <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
            <TextField
              id="yearOfStudy"
              label="Year of study"
              hint="1 to 4"
              type="number"
              inputMode="numeric"
              min={1}
              max={4}
              error={errorOf("yearOfStudy")}
              {...fields.yearOfStudy}
            />
            <SelectField
              id="placementLevel"
              label="Placement level"
              hint="The placement the student is on now"
              placeholder="Choose a level"
              options={[
                { value: "FIRST", label: "First placement" },
                { value: "FINAL", label: "Final (last) placement" },
              ]}
              error={errorOf("placementLevel")}
              {...fields.placementLevel}
            />
          </div>
        </>
      )}
    </>
  );
}
