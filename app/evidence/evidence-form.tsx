"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { describedBy, Field, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import { flattenErrors } from "@/components/supervision/form-errors";
import { EVIDENCE_TYPE_LABELS, EVIDENCE_TYPES, evidenceSchema, type EvidenceInput } from "@/lib/validations/evidence";
import { frameworkInForceOn } from "@/lib/frameworks/in-force";
import { formatDate } from "@/lib/dates";
import type { FrameworkChoice } from "@/lib/portfolio/evidence-form";
import { createEvidenceAction, updateEvidenceAction } from "./actions";

type Props = {
  frameworks: FrameworkChoice[];
  today: string;
  /** Children allocated to the student, by code: the only way evidence refers to a child. */
  childCodes: string[];
} & (
  | { mode: "create"; placementId: string }
  | { mode: "edit"; evidenceId: string; initial: EvidenceInput; version: number }
);

/** The student's evidence form: the same zod schema checks it here and on the server. */
export function EvidenceForm(props: Props) {
  const router = useRouter();
  const { form, onSubmit, formError, attempt, pending } = useActionForm({
    schema: evidenceSchema,
    defaultValues:
      props.mode === "edit"
        ? props.initial
        : { title: "", occurredOn: props.today, type: "REFLECTIVE_LOG", body: "", childCode: "", links: [] },
    // An edit names the version the student opened: a change saved meanwhile is a 409, not overwritten.
    action: (values) =>
      props.mode === "edit"
        ? updateEvidenceAction(props.evidenceId, { ...values, version: props.version })
        : createEvidenceAction(props.placementId, values),
    onSuccess: (data) => router.push(`/evidence/${data.id}`),
  });
  const errors = flattenErrors(form.formState.errors);
  const occurredOn = form.watch("occurredOn") || props.today;
  const links = form.watch("links") ?? [];
  const chosen = new Map(links.map((link, index) => [link.frameworkItemId, index]));
  const available = props.frameworks.filter((framework) => frameworkInForceOn(framework, occurredOn));
  const availableIds = new Set(available.flatMap((framework) => framework.items.map((item) => item.id)));
  const itemName = new Map(
    props.frameworks.flatMap((framework) =>
      framework.items.map(
        (item) => [item.id, `${framework.code} ${framework.version} ${item.number}. ${item.name}`] as const,
      ),
    ),
  );
  const outOfForce = links.filter((link) => !availableIds.has(link.frameworkItemId));
  // Each framework is collapsed to a line with its count of chosen capabilities; one with a
  // capability chosen starts open, and one with an error opens so the summary's link can reach it.
  const [opened, setOpened] = useState<ReadonlySet<string>>(
    () =>
      new Set(
        props.frameworks
          .filter((framework) => framework.items.some((item) => chosen.has(item.id)))
          .map((framework) => framework.id),
      ),
  );

  const toggle = (itemId: string, checked: boolean) => {
    const current = form.getValues("links") ?? [];
    const next = checked
      ? [...current, { frameworkItemId: itemId, note: "" }]
      : current.filter((link) => link.frameworkItemId !== itemId);
    form.setValue("links", next, { shouldDirty: true });
    if (form.formState.errors.links) void form.trigger("links");
  };

  const labels: Record<string, string> = {};
  for (const field of Object.keys(errors)) {
    const match = /^links\.(\d+)\./.exec(field);
    if (match) labels[field] = itemName.get(links[Number(match[1])]?.frameworkItemId ?? "") ?? "Capability";
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={props.mode === "edit" ? "Edit evidence" : "Add evidence"}
      className="rounded border border-gray-300 bg-white p-4 sm:p-6"
    >
      <ErrorSummary message={formError} fieldErrors={errors} labels={labels} attempt={attempt} />
      <TextField
        id="title"
        label="Title"
        hint="A short name for this piece of evidence."
        error={errors.title}
        {...form.register("title")}
      />
      <div className="grid gap-x-6 sm:grid-cols-2">
        <TextField
          id="occurredOn"
          type="date"
          label="Date"
          hint="When it happened. Not in the future."
          max={props.today}
          error={errors.occurredOn}
          {...form.register("occurredOn")}
        />
        <SelectField
          id="type"
          label="Type of evidence"
          error={errors.type}
          options={EVIDENCE_TYPES.map((type) => ({ value: type, label: EVIDENCE_TYPE_LABELS[type] }))}
          {...form.register("type")}
        />
      </div>
      <TextField
        id="childCode"
        label="Child's code (optional)"
        hint={`If the evidence is about a child you work with, their code, like C-1234 — never their name.${props.childCodes.length ? ` Your children: ${props.childCodes.join(", ")}.` : ""}`}
        autoComplete="off"
        list="child-codes"
        className="max-w-xs"
        error={errors.childCode}
        {...form.register("childCode")}
      />
      <datalist id="child-codes">
        {props.childCodes.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
      <TextAreaField
        id="body"
        label="Evidence"
        hint="What happened, what you did and what you learned. Refer to children by their code only: the university reads your portfolio. Leave a blank line between paragraphs."
        rows={10}
        error={errors.body}
        {...form.register("body")}
      />

      <fieldset
        className={`mb-5 ${errors.links ? "border-l-4 border-red-700 pl-3" : ""}`}
        aria-describedby={describedBy("links", "x", errors.links)}
      >
        <legend className="mb-1 text-lg font-bold">Capabilities this evidence shows</legend>
        <p id="links-hint" className="mb-2 text-sm text-muted">
          Open a framework and tick each capability the evidence shows. Each one you tick needs a sentence on how the
          evidence shows it. Only the framework versions in force on {formatDate(occurredOn)} are listed.
        </p>
        {errors.links && (
          <p id="links-error" className="mb-2 font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {errors.links}
          </p>
        )}
        {/* The summary links here for errors about the list as a whole. */}
        <span id="links" tabIndex={-1} />
        {outOfForce.length > 0 && (
          <div className="mb-3 border-l-4 border-amber-700 bg-amber-50 p-3">
            <p className="font-semibold">Not in force on this date — remove these or change the date:</p>
            <ul className="mt-1 space-y-1">
              {outOfForce.map((link) => (
                <li key={link.frameworkItemId} className="flex flex-wrap items-center gap-3">
                  {itemName.get(link.frameworkItemId) ?? "Unknown capability"}
                  <button
                    type="button"
                    onClick={() => toggle(link.frameworkItemId, false)}
                    className="rounded border-2 border-gray-700 bg-white px-2 py-0.5 text-sm font-semibold"
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {available.map((framework) => {
          const count = framework.items.filter((item) => chosen.has(item.id)).length;
          const hasError = framework.items.some((item) => {
            const index = chosen.get(item.id);
            return index !== undefined && Boolean(errors[`links.${index}.note`]);
          });
          const title = `${framework.code} — ${framework.name} (${framework.version})`;
          return (
            <details
              key={framework.id}
              className="mb-3 rounded border border-gray-300"
              open={opened.has(framework.id) || hasError}
              onToggle={(event) => {
                const open = event.currentTarget.open;
                setOpened((current) => {
                  if (current.has(framework.id) === open) return current;
                  const next = new Set(current);
                  if (open) next.add(framework.id);
                  else next.delete(framework.id);
                  return next;
                });
              }}
            >
              <summary className="cursor-pointer px-3 py-2 font-semibold">
                {title}{" "}
                <span className="font-normal text-muted">
                  · {count} of {framework.items.length} chosen
                </span>
              </summary>
              <fieldset className="border-t border-gray-300 p-3">
                <legend className="sr-only">{title}</legend>
                <ul className="space-y-2">
                  {framework.items.map((item) => {
                    const index = chosen.get(item.id);
                    const checkboxId = `capability-${item.id}`;
                    const noteId = index === undefined ? "" : `links.${index}.note`;
                    return (
                      <li key={item.id}>
                        <div className="flex items-start gap-2">
                          <input
                            id={checkboxId}
                            type="checkbox"
                            className="mt-1 h-5 w-5"
                            checked={index !== undefined}
                            onChange={(event) => toggle(item.id, event.target.checked)}
                          />
                          <label htmlFor={checkboxId}>
                            {item.number}. {item.name}
                          </label>
                        </div>
                        {index !== undefined && (
                          <Field
                            id={noteId}
                            label={`How this evidence shows ${framework.code} ${item.number} (required)`}
                            hint="A sentence or two: what in the evidence shows this capability."
                            error={errors[noteId]}
                            className="ml-7 mt-2"
                          >
                            <textarea
                              id={noteId}
                              rows={2}
                              aria-invalid={errors[noteId] ? true : undefined}
                              aria-describedby={describedBy(noteId, "hint", errors[noteId])}
                              aria-required="true"
                              className="block w-full rounded border-2 border-gray-700 bg-white px-2 py-1.5 aria-[invalid=true]:border-red-700"
                              value={links[index]?.note ?? ""}
                              onChange={(event) =>
                                form.setValue(`links.${index}.note` as const, event.target.value, {
                                  shouldDirty: true,
                                  shouldValidate: Boolean(errors[noteId]),
                                })
                              }
                            />
                          </Field>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            </details>
          );
        })}
      </fieldset>

      <p className="mb-3 text-muted">
        {props.mode === "edit" ? "Saving keeps your changes. " : "The evidence is saved as a draft. "}
        Your practice educator can read drafts; the university cannot until you submit it.
      </p>
      <SubmitButton pending={pending}>{props.mode === "edit" ? "Save changes" : "Save draft"}</SubmitButton>
    </form>
  );
}
