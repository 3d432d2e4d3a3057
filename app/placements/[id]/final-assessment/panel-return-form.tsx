"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField } from "@/components/form/fields";
import { panelReturnAnswerSchema } from "@/lib/validations/panels";
import { answerPanelReturnAction } from "@/app/panels/actions";

/** The PE's answer to a panel's request for more evidence: what they added or amended. */
export function PanelReturnAnswerForm(props: { placementId: string; itemId: string; version: number }) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, attempt, pending } = useActionForm({
    schema: panelReturnAnswerSchema,
    defaultValues: { peResponse: "", version: props.version },
    action: (values) => answerPanelReturnAction(props.placementId, props.itemId, values),
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3">
      <ErrorSummary
        attempt={attempt}
        message={formError}
        fieldErrors={{ peResponse: errorOf("peResponse") }}
        labels={{ peResponse: "Your answer" }}
      />
      <TextAreaField
        id="peResponse"
        label="Your answer to the panel"
        hint="Say what evidence you added to the portfolio or what you amended. Your answer goes to the next panel."
        error={errorOf("peResponse")}
        {...form.register("peResponse")}
      />
      <SubmitButton pending={pending}>Send the answer to the panel</SubmitButton>
    </form>
  );
}
