"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import {
  CONSENT_LABELS,
  consentStatuses,
  createReferralSchema,
  decideReferralSchema,
  REFERRAL_DECISION_LABELS,
} from "@/lib/validations/children";
import { decideReferralAction, recordReferralAction } from "../actions";

type Option = { value: string; label: string };

export function RecordReferralForm({ childId, schools, today }: { childId: string; schools: Option[]; today: string }) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: createReferralSchema,
    defaultValues: {
      childId,
      schoolId: schools[0]?.value ?? "",
      receivedOn: today,
      referrerName: "",
      referrerRole: "",
      reason: "",
      parentConsent: "PENDING",
      parentConsentOn: "",
      childAgreement: false,
    },
    action: recordReferralAction,
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
          id="schoolId"
          label="Referring school"
          placeholder="Not through a school"
          options={schools}
          error={errorOf("schoolId")}
          {...form.register("schoolId")}
        />
        <TextField
          id="receivedOn"
          label="Received on"
          type="date"
          max={today}
          error={errorOf("receivedOn")}
          {...form.register("receivedOn")}
        />
        <TextField
          id="referrerName"
          label="Referrer's name"
          error={errorOf("referrerName")}
          {...form.register("referrerName")}
        />
        <TextField
          id="referrerRole"
          label="Referrer's role"
          hint="For example: designated safeguarding lead, parent"
          error={errorOf("referrerRole")}
          {...form.register("referrerRole")}
        />
      </div>
      <TextAreaField
        id="reason"
        label="Reason for the referral"
        error={errorOf("reason")}
        {...form.register("reason")}
      />
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        <SelectField
          id="parentConsent"
          label="Parent or carer's consent"
          options={consentStatuses.map((value) => ({ value, label: CONSENT_LABELS[value] }))}
          error={errorOf("parentConsent")}
          {...form.register("parentConsent")}
        />
        <TextField
          id="parentConsentOn"
          label="Consent recorded on (optional)"
          type="date"
          error={errorOf("parentConsentOn")}
          {...form.register("parentConsentOn")}
        />
      </div>
      <div className="mb-5 flex items-center gap-2">
        <input id="childAgreement" type="checkbox" className="h-5 w-5" {...form.register("childAgreement")} />
        <label htmlFor="childAgreement" className="font-semibold">
          The child has agreed to the work
        </label>
      </div>
      <SubmitButton pending={pending}>Record referral</SubmitButton>
    </form>
  );
}

export function DecideReferralForm({
  childId,
  referralId,
  today,
}: {
  childId: string;
  referralId: string;
  today: string;
}) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: decideReferralSchema,
    defaultValues: { decision: "ACCEPTED", decisionReason: "", decidedOn: today },
    action: (values) => decideReferralAction(childId, referralId, values),
    onSuccess: () => router.refresh(),
  });
  const prefix = `decision-${referralId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 border-t border-gray-200 pt-3">
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        <SelectField
          id={`${prefix}-decision`}
          label="Decision"
          options={(["ACCEPTED", "SIGNPOSTED", "DECLINED"] as const).map((value) => ({
            value,
            label: REFERRAL_DECISION_LABELS[value],
          }))}
          error={errorOf("decision")}
          {...form.register("decision")}
        />
        <TextField
          id={`${prefix}-decidedOn`}
          label="Decided on"
          type="date"
          error={errorOf("decidedOn")}
          {...form.register("decidedOn")}
        />
      </div>
      <TextAreaField
        id={`${prefix}-reason`}
        label="Reason (needed when signposting or declining)"
        rows={2}
        error={errorOf("decisionReason")}
        {...form.register("decisionReason")}
      />
      <SubmitButton pending={pending}>Record decision</SubmitButton>
    </form>
  );
}
