"use client";
import { useRef, useState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton } from "@/components/form/fields";
import { importPeopleAction, previewImportAction } from "../actions";

type PreviewRow = {
  line: number;
  name: string;
  email: string;
  role: string | null;
  problems: Array<{ field: string; message: string }>;
};

/** Upload → preview (every row's problems) → import the rows that are ready. */
export function ImportForm() {
  const fileInput = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<{ rows: PreviewRow[]; ready: number } | null>(null);
  const [done, setDone] = useState<{ imported: number; leftOut: number } | null>(null);
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  const formData = () => {
    const data = new FormData();
    const file = fileInput.current?.files?.[0];
    if (file) data.set("file", file);
    return data;
  };
  const fail = (message: string) => {
    setError(message);
    setAttempt((count) => count + 1);
  };

  async function check(event: React.FormEvent) {
    event.preventDefault();
    setError(undefined);
    setDone(null);
    setPreview(null);
    if (!fileInput.current?.files?.[0]) return fail("Choose a CSV file to upload.");
    setPending(true);
    const result = await previewImportAction(formData()).catch(() => null);
    setPending(false);
    if (!result) return fail("The file could not be sent. It may be too large: at most 512 KB.");
    if (!result.ok) return fail(result.message);
    setPreview(result.data);
  }

  async function runImport() {
    setPending(true);
    const result = await importPeopleAction(formData()).catch(() => null);
    setPending(false);
    if (!result || !result.ok) return fail(result?.message ?? "The import did not complete. Nothing was imported.");
    setDone({ imported: result.data.imported, leftOut: result.data.leftOut.length });
    setPreview(null);
  }

  const withProblems = preview?.rows.filter((row) => row.problems.length > 0) ?? [];
  return (
    <div className="space-y-6">
      <form onSubmit={check} noValidate className="rounded border border-gray-300 bg-white p-6">
        <ErrorSummary attempt={attempt} message={error} fieldErrors={{}} />
        <div className="mb-4">
          <label htmlFor="file" className="mb-1 block font-semibold">
            CSV file
          </label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" ref={fileInput} className="block" />
        </div>
        <SubmitButton pending={pending}>Check the file</SubmitButton>
      </form>

      {done && (
        <div role="status" className="border-l-4 border-green-700 bg-green-50 p-4">
          <p className="font-semibold">
            {done.imported === 1 ? "1 person imported" : `${done.imported} people imported`} and invited by email.
          </p>
          {done.leftOut > 0 && <p>{done.leftOut} rows were left out: correct them and upload the file again.</p>}
        </div>
      )}

      {preview && (
        <section aria-labelledby="preview" className="space-y-4">
          <h2 id="preview" className="text-xl font-bold">
            Check before importing
          </h2>
          <p role="status">
            {preview.ready} of {preview.rows.length} {preview.rows.length === 1 ? "row is" : "rows are"} ready to
            import.{" "}
            {withProblems.length > 0 &&
              `${withProblems.length} ${withProblems.length === 1 ? "row has" : "rows have"} problems and will be left out.`}
          </p>
          {withProblems.length > 0 && (
            <ul aria-label="Rows with problems" className="space-y-3">
              {withProblems.map((row) => (
                <li key={row.line} className="rounded border-l-4 border-red-700 bg-white p-3">
                  <p className="font-semibold">
                    Line {row.line}
                    {row.name || row.email ? `: ${[row.name, row.email].filter(Boolean).join(", ")}` : ""}
                  </p>
                  <ul className="list-disc pl-6">
                    {row.problems.map((problem, index) => (
                      <li key={index}>
                        <span className="font-semibold">{problem.field}</span>: {problem.message}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          {preview.ready > 0 ? (
            <button
              type="button"
              onClick={runImport}
              disabled={pending}
              className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
            >
              {preview.ready === 1 ? "Import 1 person" : `Import ${preview.ready} people`}
              {withProblems.length > 0 ? " and leave out the rest" : ""}
            </button>
          ) : (
            <p>Nothing can be imported from this file: correct it and check it again.</p>
          )}
        </section>
      )}
    </div>
  );
}
