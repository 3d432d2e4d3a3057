/** @jest-environment jsdom */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { z } from "zod";
import { ActionButton } from "@/components/action-button";
import { ConfirmStep } from "@/components/confirm-step";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField, TextField } from "@/components/form/fields";

// The App Router is not mounted in a component test: the router these
// components refresh is a stand-in whose calls the tests read.
const router = { refresh: jest.fn(), push: jest.fn() };
jest.mock("next/navigation", () => ({ useRouter: () => router }));

beforeEach(() => {
  router.refresh.mockClear();
  router.push.mockClear();
});

const refused = (message: string, fieldErrors?: Record<string, string[]>) => ({
  ok: false as const,
  status: 422,
  code: "validation" as const,
  message,
  fieldErrors,
});

/** A promise the test settles when it chooses, to see what the component shows meanwhile. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe("ActionButton", () => {
  it("runs its action once and refreshes the page on success", async () => {
    const action = jest.fn().mockResolvedValue({ ok: true, data: null });
    render(<ActionButton action={action}>Mark as read</ActionButton>);
    await userEvent.click(screen.getByRole("button", { name: "Mark as read" }));
    await waitFor(() => expect(router.refresh).toHaveBeenCalledTimes(1));
    expect(action).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows a refusal in words beside it and does not refresh", async () => {
    render(
      <ActionButton action={() => Promise.resolve(refused("Days can only be changed while the placement is active."))}>
        Remove
      </ActionButton>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Remove" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Days can only be changed while the placement is active.",
    );
    expect(router.refresh).not.toHaveBeenCalled();
  });

  it("is disabled and says so while the action runs", async () => {
    const pending = deferred<{ ok: true; data: null }>();
    render(
      <ActionButton action={() => pending.promise} pendingLabel="Marking…">
        Mark all as read
      </ActionButton>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Mark all as read" }));
    const button = await screen.findByRole("button", { name: "Marking…" });
    expect(button).toBeDisabled();
    pending.resolve({ ok: true, data: null });
    expect(await screen.findByRole("button", { name: "Mark all as read" })).toBeEnabled();
  });

  it("asks first when told to, and does nothing when the answer is no", async () => {
    const ask = jest.spyOn(window, "confirm").mockReturnValueOnce(false).mockReturnValueOnce(true);
    const action = jest.fn().mockResolvedValue({ ok: true, data: null });
    render(
      <ActionButton action={action} confirm="Remove 3 Nov 2026?">
        Remove
      </ActionButton>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Remove" }));
    expect(ask).toHaveBeenCalledWith("Remove 3 Nov 2026?");
    expect(action).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    ask.mockRestore();
  });

  it("hands the result to onDone instead of refreshing", async () => {
    const onDone = jest.fn();
    render(
      <ActionButton action={() => Promise.resolve({ ok: true, data: { id: "p1" } })} onDone={onDone}>
        Create
      </ActionButton>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Create" }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ id: "p1" }));
    expect(router.refresh).not.toHaveBeenCalled();
  });
});

describe("ConfirmStep", () => {
  const step = (onConfirm: () => Promise<string | null>) =>
    render(
      <ConfirmStep
        buttonLabel="Sign the record"
        question="Sign these notes?"
        explanation="Once signed, the notes can only be added to."
        confirmLabel="Yes, sign"
        pendingLabel="Signing…"
        onConfirm={onConfirm}
      />,
    );

  it("asks first: the question takes focus, and nothing runs until it is answered yes", async () => {
    const onConfirm = jest.fn().mockResolvedValue(null);
    step(onConfirm);
    await userEvent.click(screen.getByRole("button", { name: "Sign the record" }));
    expect(screen.getByRole("heading", { name: "Sign these notes?" })).toHaveFocus();
    expect(screen.getByText("Once signed, the notes can only be added to.")).toBeInTheDocument();
    expect(onConfirm).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Yes, sign" }));
    await waitFor(() => expect(router.refresh).toHaveBeenCalledTimes(1));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("button", { name: "Sign the record" })).toBeInTheDocument();
  });

  it("cancels without running anything", async () => {
    const onConfirm = jest.fn();
    step(onConfirm);
    await userEvent.click(screen.getByRole("button", { name: "Sign the record" }));
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("heading", { name: "Sign these notes?" })).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it("keeps the question open and shows the refusal when the server says no", async () => {
    step(() => Promise.resolve("Someone else signed this record first."));
    await userEvent.click(screen.getByRole("button", { name: "Sign the record" }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, sign" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Someone else signed this record first.");
    expect(screen.getByRole("button", { name: "Yes, sign" })).toBeEnabled();
    expect(router.refresh).not.toHaveBeenCalled();
  });

  it("shows that it is working and cannot be answered twice", async () => {
    const pending = deferred<string | null>();
    step(() => pending.promise);
    await userEvent.click(screen.getByRole("button", { name: "Sign the record" }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, sign" }));
    expect(screen.getByRole("button", { name: "Signing…" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Cancel" })).toBeDisabled();
    pending.resolve(null);
    await waitFor(() => expect(router.refresh).toHaveBeenCalledTimes(1));
  });
});

describe("useActionForm", () => {
  const schema = z.object({ name: z.string().trim().min(2, "Enter the name") });

  function NameForm(props: {
    action: (values: { name: string }) => Promise<{ ok: true; data: { id: string } } | ReturnType<typeof refused>>;
    onSuccess: (data: { id: string }) => void;
    loadSchema?: () => Promise<typeof schema>;
  }) {
    const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
      schema: props.loadSchema ?? schema,
      defaultValues: { name: "" },
      action: props.action,
      onSuccess: props.onSuccess,
    });
    return (
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} labels={{ name: "Name" }} />
        <TextField id="name" label="Name" error={errorOf("name")} {...form.register("name")} />
        <SubmitButton pending={pending}>Save</SubmitButton>
      </form>
    );
  }

  it("checks the input in the browser with the server's schema before sending anything", async () => {
    const action = jest.fn();
    render(<NameForm action={action} onSuccess={jest.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("link", { name: "Name: Enter the name" })).toHaveAttribute("href", "#name");
    expect(screen.getByLabelText("Name")).toHaveAttribute("aria-invalid", "true");
    expect(action).not.toHaveBeenCalled();
  });

  it("loads a schema given as a function at the first submission, once, and checks the input with it", async () => {
    const action = jest.fn().mockResolvedValue({ ok: true, data: { id: "u2" } });
    const loadSchema = jest.fn(() => Promise.resolve(schema));
    const onSuccess = jest.fn();
    render(<NameForm action={action} onSuccess={onSuccess} loadSchema={loadSchema} />);
    expect(loadSchema).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("link", { name: "Name: Enter the name" })).toHaveAttribute("href", "#name");
    expect(action).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText("Name"), "  Ben ");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ id: "u2" }));
    // The action gets what was entered: the server parses it with the same schema.
    expect(action).toHaveBeenCalledWith({ name: "  Ben " });
    expect(loadSchema).toHaveBeenCalledTimes(1);
  });

  it("sends the values as entered and hands the action's data to onSuccess", async () => {
    const onSuccess = jest.fn();
    const action = jest.fn().mockResolvedValue({ ok: true, data: { id: "u1" } });
    render(<NameForm action={action} onSuccess={onSuccess} />);
    await userEvent.type(screen.getByLabelText("Name"), "Amira");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ id: "u1" }));
    expect(action).toHaveBeenCalledWith({ name: "Amira" });
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows the server's refusal in the summary and beside the field it names", async () => {
    const onSuccess = jest.fn();
    const action = jest
      .fn()
      .mockResolvedValue(refused("An account with that name already exists.", { name: ["Already in use"] }));
    render(<NameForm action={action} onSuccess={onSuccess} />);
    await userEvent.type(screen.getByLabelText("Name"), "Amira");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    const summary = await screen.findByRole("alert");
    expect(summary).toHaveTextContent("An account with that name already exists.");
    expect(screen.getByRole("link", { name: "Name: Already in use" })).toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toHaveAccessibleDescription("Error: Already in use");
    expect(onSuccess).not.toHaveBeenCalled();
  });

  // A schema that transforms: "yes"/"no" becomes a boolean, a blank note null. The server parses what the
  // form sends with the same schema, as it parses the API's requests; had the form sent its own parsed
  // values (true, null), the server's parse would refuse them.
  const transforming = z.object({
    agreed: z.enum(["yes", "no"], { error: "Answer yes or no" }).transform((value) => value === "yes"),
    note: z
      .string()
      .trim()
      .max(200)
      .transform((value) => value || null),
  });

  function AgreeForm(props: { action: (values: z.input<typeof transforming>) => Promise<unknown> }) {
    const { form, onSubmit, errorOf, pending } = useActionForm({
      schema: transforming,
      defaultValues: { agreed: "no", note: "" },
      action: props.action as never,
      onSuccess: () => {},
    });
    return (
      <form onSubmit={onSubmit} noValidate>
        <label htmlFor="agreed">Agreed</label>
        <select id="agreed" {...form.register("agreed")}>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
        <TextField id="note" label="Note" error={errorOf("note")} {...form.register("note")} />
        <SubmitButton pending={pending}>Save</SubmitButton>
      </form>
    );
  }

  it("sends the raw values of a transformed field, which the server's parse of the same schema accepts", async () => {
    const received: unknown[] = [];
    const serverParsed: unknown[] = [];
    const action = jest.fn(async (values: unknown) => {
      received.push(values);
      // What the server action does first: parse with the same schema.
      serverParsed.push(transforming.parse(values));
      return { ok: true, data: null };
    });
    render(<AgreeForm action={action} />);
    await userEvent.selectOptions(screen.getByLabelText("Agreed"), "yes");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(received).toEqual([{ agreed: "yes", note: "" }]);
    expect(serverParsed).toEqual([{ agreed: true, note: null }]);
  });
});

describe("the other form pieces", () => {
  it("a text area is labelled and tied to its hint and error", () => {
    render(<TextAreaField id="notes" label="Notes" hint="What was discussed" error="Enter the notes" />);
    const area = screen.getByLabelText("Notes");
    expect(area.tagName).toBe("TEXTAREA");
    expect(area).toHaveAttribute("aria-invalid", "true");
    expect(area).toHaveAccessibleDescription("What was discussed Error: Enter the notes");
  });

  it("the submit button says it is saving and cannot be pressed twice", () => {
    const { rerender } = render(<SubmitButton>Save placement</SubmitButton>);
    expect(screen.getByRole("button", { name: "Save placement" })).toBeEnabled();
    rerender(<SubmitButton pending>Save placement</SubmitButton>);
    expect(screen.getByRole("button", { name: "Saving…" })).toBeDisabled();
  });
});
