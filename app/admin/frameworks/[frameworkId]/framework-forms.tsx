"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import { frameworkItemSchema, levelDescriptorSchema, newFrameworkVersionSchema } from "@/lib/validations/frameworks";
import { addFrameworkVersionAction, updateFrameworkItemAction, updateLevelDescriptorAction } from "../actions";

// Several small forms on one page: each gives its inputs ids of its own, and
// its error summary links to those ids.

function Saved({ message }: { message?: string }) {
  return (
    <p role="status" className="mt-2 font-semibold text-green-900">
      {message}
    </p>
  );
}

export function FrameworkItemForm({
  item,
}: {
  item: { id: string; number: number; name: string; description: string; version: number };
}) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const prefix = `item-${item.id}`;
  const { form, onSubmit, formError, errorOf, attempt, pending } = useActionForm({
    schema: frameworkItemSchema,
    defaultValues: { version: item.version, name: item.name, description: item.description },
    action: (values) => updateFrameworkItemAction(item.id, values),
    onSuccess: (data) => {
      form.reset({ ...form.getValues(), version: data.version });
      setSaved("Saved.");
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Name and description of ${item.number}. ${item.name}`}>
      <ErrorSummary
        attempt={attempt}
        message={formError}
        fieldErrors={{ [`${prefix}-name`]: errorOf("name"), [`${prefix}-description`]: errorOf("description") }}
        labels={{ [`${prefix}-name`]: "Name", [`${prefix}-description`]: "Description" }}
      />
      <TextField
        id={`${prefix}-name`}
        label="Name"
        autoComplete="off"
        error={errorOf("name")}
        {...form.register("name", { onChange: () => setSaved(undefined) })}
      />
      <TextAreaField
        id={`${prefix}-description`}
        label="Description"
        rows={3}
        error={errorOf("description")}
        {...form.register("description", { onChange: () => setSaved(undefined) })}
      />
      <SubmitButton pending={pending}>Save name and description</SubmitButton>
      <Saved message={saved} />
    </form>
  );
}

export function LevelDescriptorForm({
  descriptor,
  label,
  itemName,
}: {
  descriptor: { id: string; text: string; version: number };
  label: string;
  itemName: string;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const id = `descriptor-${descriptor.id}`;
  const { form, onSubmit, formError, errorOf, attempt, pending } = useActionForm({
    schema: levelDescriptorSchema,
    defaultValues: { version: descriptor.version, text: descriptor.text },
    action: (values) => updateLevelDescriptorAction(descriptor.id, values),
    onSuccess: (data) => {
      form.reset({ ...form.getValues(), version: data.version });
      setSaved("Saved.");
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`${itemName} at the ${label.toLowerCase()}`} className="mb-4">
      <ErrorSummary
        attempt={attempt}
        message={formError}
        fieldErrors={{ [id]: errorOf("text") }}
        labels={{ [id]: label }}
      />
      <TextAreaField
        id={id}
        label={label}
        rows={3}
        error={errorOf("text")}
        {...form.register("text", { onChange: () => setSaved(undefined) })}
      />
      <SubmitButton pending={pending}>Save descriptor</SubmitButton>
      <Saved message={saved} />
    </form>
  );
}

export function NewVersionForm({ frameworkId, name }: { frameworkId: string; name: string }) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, attempt, pending } = useActionForm({
    schema: newFrameworkVersionSchema,
    defaultValues: { version: "", effectiveFrom: "" },
    action: (values) => addFrameworkVersionAction(frameworkId, values),
    onSuccess: (data) => router.push(`/admin/frameworks/${data.id}`),
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="new-version-heading"
      className="rounded border border-gray-300 bg-white p-4"
    >
      <h2 id="new-version-heading" className="mb-1 text-xl font-bold">
        Add a new version
      </h2>
      <p className="mb-3 text-muted">
        Copies every item of this version of the {name}, with its descriptors, into a new version you can then correct.
        This version stops applying on the day the new one starts. Evidence already mapped keeps pointing at this
        version.
      </p>
      <ErrorSummary
        attempt={attempt}
        message={formError}
        fieldErrors={{ "new-version": errorOf("version"), "new-effective-from": errorOf("effectiveFrom") }}
        labels={{ "new-version": "Version label", "new-effective-from": "Applies from" }}
      />
      <TextField
        id="new-version"
        label="Version label"
        hint="For example 2027, or “Early career standards 2027”."
        autoComplete="off"
        error={errorOf("version")}
        {...form.register("version")}
      />
      <TextField
        id="new-effective-from"
        type="date"
        label="Applies from"
        hint="The first day evidence is mapped to the new version."
        error={errorOf("effectiveFrom")}
        {...form.register("effectiveFrom")}
      />
      <SubmitButton pending={pending}>Add the new version</SubmitButton>
    </form>
  );
}
