"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { issueApiTokenSchema, MAX_TOKEN_DAYS } from "@/lib/validations/api-token";
import { formatDate } from "@/lib/dates";
import type { IssuedApiToken } from "@/lib/api-tokens/api-tokens";
import { issueApiTokenAction } from "./actions";

const lastDayOf = (expiresAt: string) => new Date(new Date(expiresAt).getTime() - 1).toISOString().slice(0, 10);

export function IssueTokenForm(props: {
  universities: Array<{ id: string; name: string }>;
  defaultExpiry: string;
  earliestExpiry: string;
  latestExpiry: string;
}) {
  const router = useRouter();
  const [issued, setIssued] = useState<IssuedApiToken | null>(null);
  const { form, onSubmit, formError, errorOf, attempt, pending } = useActionForm({
    schema: issueApiTokenSchema,
    defaultValues: { universityId: "", name: "", expiresOn: props.defaultExpiry },
    action: issueApiTokenAction,
    onSuccess: (data) => {
      setIssued(data);
      form.reset({ universityId: "", name: "", expiresOn: props.defaultExpiry });
      router.refresh();
    },
  });
  const expiryHint = `The token stops working at the end of this day. At most ${MAX_TOKEN_DAYS} days from today; 90 days unless you choose otherwise.`;

  return (
    <>
      {issued && <NewToken issued={issued} onDone={() => setIssued(null)} />}
      <form
        onSubmit={onSubmit}
        noValidate
        aria-labelledby="issue-token-heading"
        className="rounded border border-gray-300 bg-white p-4"
      >
        <h2 id="issue-token-heading" className="mb-3 text-xl font-bold">
          Issue a token
        </h2>
        <ErrorSummary
          attempt={attempt}
          message={formError}
          fieldErrors={{
            tokenUniversityId: errorOf("universityId"),
            tokenName: errorOf("name"),
            tokenExpiresOn: errorOf("expiresOn"),
          }}
          labels={{ tokenUniversityId: "University", tokenName: "Name", tokenExpiresOn: "Expiry date" }}
        />
        {props.universities.length === 0 ? (
          <p>Add a university first.</p>
        ) : (
          <>
            <SelectField
              id="tokenUniversityId"
              label="University"
              hint="The token reads only this university's students' placements, as the university's tutors do."
              placeholder="Choose a university"
              options={props.universities.map((university) => ({ value: university.id, label: university.name }))}
              error={errorOf("universityId")}
              {...form.register("universityId")}
            />
            <TextField
              id="tokenName"
              label="Name"
              hint="What the token is for, for example: Student records system (live)"
              autoComplete="off"
              error={errorOf("name")}
              {...form.register("name")}
            />
            <TextField
              id="tokenExpiresOn"
              type="date"
              label="Expiry date"
              hint={expiryHint}
              min={props.earliestExpiry}
              max={props.latestExpiry}
              className="max-w-xs"
              error={errorOf("expiresOn")}
              {...form.register("expiresOn")}
            />
            <SubmitButton pending={pending}>Issue token</SubmitButton>
          </>
        )}
      </form>
    </>
  );
}

/** The new token, shown this once: the server keeps only its hash. */
function NewToken({ issued, onDone }: { issued: IssuedApiToken; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  useEffect(() => heading.current?.focus(), [issued.id]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  };

  return (
    <section aria-labelledby="new-token-heading" className="mb-6 border-l-4 border-green-800 bg-green-50 p-4">
      <h2 id="new-token-heading" ref={heading} tabIndex={-1} className="text-xl font-bold">
        Token issued for {issued.universityName}: copy it now
      </h2>
      <p className="mt-2 border-l-4 border-amber-700 bg-amber-50 p-2 font-semibold">
        <span aria-hidden="true">⚠ </span>Warning: this token will not be shown again. Copy it and give it to the
        university&apos;s system administrator by a secure route. If it is lost, revoke it and issue a new one.
      </p>
      <label htmlFor="newToken" className="mt-3 block font-semibold">
        API token “{issued.name}”, works until the end of {formatDate(lastDayOf(issued.expiresAt))}
      </label>
      <p id="newToken-hint" className="text-sm text-muted">
        Select it all and copy it, or use the Copy button. Send it as the header Authorization: Bearer followed by the
        token.
      </p>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id="newToken"
          readOnly
          value={issued.token}
          aria-describedby="newToken-hint"
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded border-2 border-gray-700 bg-white px-2 py-1.5 font-mono text-sm"
          data-testid="new-api-token"
        />
        <button
          type="button"
          onClick={copy}
          className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
        >
          Copy token
        </button>
      </div>
      <p role="status" className="mt-2 font-semibold">
        {copied === "yes"
          ? "Copied to the clipboard."
          : copied === "no"
            ? "Could not copy: select the token and copy it yourself."
            : ""}
      </p>
      <button
        type="button"
        onClick={onDone}
        className="mt-2 rounded border-2 border-gray-700 bg-white px-4 py-2 font-semibold"
      >
        I have copied it: hide the token
      </button>
    </section>
  );
}
