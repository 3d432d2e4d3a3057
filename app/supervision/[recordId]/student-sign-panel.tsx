"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { TextAreaField } from "@/components/form/fields";
import { ConfirmStep } from "@/components/confirm-step";
import { Checkbox } from "@/components/supervision/checkbox";
import type { SaveOutcome } from "@/components/supervision/use-autosave";
import { studentSignSchema, type StudentSignInput } from "@/lib/validations/supervision";
import { signSupervisionRecordAction } from "../actions";

type SignResult = Awaited<ReturnType<typeof signSupervisionRecordAction>>;

/**
 * The student's signature, with a confirmation step: signing locks the
 * reflection. The student may record that they disagree with the notes.
 */
export function StudentSignPanel({
  recordId,
  blocked,
  flush,
}: {
  recordId: string;
  blocked: boolean;
  flush: () => Promise<SaveOutcome>;
}) {
  const router = useRouter();
  const [disagree, setDisagree] = useState(false);
  const sign = async (values: StudentSignInput): Promise<SignResult> => {
    // The latest typing must be saved first: the signature covers what is stored.
    const saved = await flush();
    if (saved.kind !== "saved")
      return {
        ok: false,
        status: 409,
        code: "conflict",
        message: `Your reflection could not be saved, so the record was not signed: ${saved.message}`,
      };
    return signSupervisionRecordAction(recordId, { disagreement: disagree ? values.disagreement : null });
  };
  const { form, errorOf } = useActionForm({
    schema: studentSignSchema,
    defaultValues: { disagreement: "" },
    action: sign,
    onSuccess: () => undefined,
  });

  /** Runs once the student confirms: the comment is checked by the same schema as the server's, then the record is signed. */
  const confirm = async (): Promise<string | null> => {
    if (disagree && !form.getValues("disagreement")?.trim()) {
      form.setError("disagreement", { type: "required", message: "Say what you disagree with, or untick the box" });
      return "Say what you disagree with, or untick the box.";
    }
    if (!(await form.trigger())) return form.getFieldState("disagreement").error?.message ?? "Check your comment.";
    const result = await sign(form.getValues());
    if (result.ok) {
      router.replace(`/supervision/${recordId}?signed=1`);
      return null;
    }
    return result.fieldErrors?.studentReflection?.[0] ?? result.message;
  };

  return (
    <section
      id="sign"
      aria-labelledby="student-sign-heading"
      className="mt-6 scroll-mt-4 rounded border-2 border-brand-600 bg-white p-4"
    >
      <h3 id="student-sign-heading" className="text-lg font-bold">
        Sign the record
      </h3>
      <p className="mb-2 mt-1">
        Signing confirms you have read the notes. It locks your reflection; corrections after that are addenda.
      </p>
      <Checkbox
        id="disagree"
        label="I disagree with these notes"
        hint="You still sign, and your comment is kept with the record."
        checked={disagree}
        onChange={(event) => setDisagree(event.target.checked)}
      />
      {disagree && (
        <TextAreaField
          id="disagreement"
          label="What you disagree with"
          rows={4}
          error={errorOf("disagreement")}
          fieldClassName="mt-3"
          {...form.register("disagreement")}
        />
      )}
      <ConfirmStep
        buttonLabel={disagree ? "Sign, recording my disagreement" : "Sign as student"}
        question="Sign this record?"
        explanation="After signing you cannot change your reflection. Corrections are added as addenda, with your name and the time."
        confirmLabel="Yes, sign as student"
        pendingLabel="Signing…"
        disabled={blocked}
        onConfirm={confirm}
      />
    </section>
  );
}
