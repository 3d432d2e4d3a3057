/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SelectField, TextField } from "@/components/form/fields";
import { ErrorSummary } from "@/components/form/error-summary";
import { PlacementStatusBadge } from "@/components/status-badge";
import { ProgressBar } from "@/components/progress-bar";

describe("form fields", () => {
  it("label the input and tie the hint and error to it", () => {
    render(<TextField id="setting" label="Setting or team" hint="For example: early help" error="Enter the setting" />);
    const input = screen.getByLabelText("Setting or team");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription("For example: early help Error: Enter the setting");
  });

  it("has no error description when valid", () => {
    render(<SelectField id="level" label="Placement level" options={[{ value: "FIRST", label: "First placement" }]} />);
    const select = screen.getByLabelText("Placement level");
    expect(select).not.toHaveAttribute("aria-invalid");
    expect(select).not.toHaveAttribute("aria-describedby");
  });
});

describe("error summary", () => {
  it("takes focus on a failed submit and links each error to its field", async () => {
    const { rerender } = render(
      <>
        <ErrorSummary attempt={0} message={undefined} fieldErrors={{}} />
        <input id="email" aria-label="Email" />
      </>,
    );
    expect(screen.queryByRole("alert")).toBeNull();
    rerender(
      <>
        <ErrorSummary
          attempt={1}
          message="There is a problem"
          fieldErrors={{ email: "Enter your email address", password: undefined }}
          labels={{ email: "Email" }}
        />
        <input id="email" aria-label="Email" />
      </>,
    );
    const summary = screen.getByRole("alert");
    expect(summary).toHaveFocus();
    const link = screen.getByRole("link", { name: "Email: Enter your email address" });
    expect(link).toHaveAttribute("href", "#email");
    expect(screen.getAllByRole("listitem")).toHaveLength(1);
  });

  it("does not steal focus while the user corrects a field", async () => {
    const user = userEvent.setup();
    const { rerender } = render(
      <>
        <ErrorSummary attempt={1} message="There is a problem" fieldErrors={{ name: "Too short" }} />
        <input aria-label="Name" />
      </>,
    );
    await user.click(screen.getByLabelText("Name"));
    rerender(
      <>
        <ErrorSummary attempt={1} message="There is a problem" fieldErrors={{}} />
        <input aria-label="Name" />
      </>,
    );
    expect(screen.getByLabelText("Name")).toHaveFocus();
  });
});

describe("status and progress", () => {
  it("writes the status out, not only in colour", () => {
    render(<PlacementStatusBadge status="ENDED_EARLY" />);
    expect(screen.getByText("Ended early")).toBeInTheDocument();
  });

  it("states the numbers in text and to assistive technology", () => {
    render(<ProgressBar value={35} max={70} label="Placement days completed" />);
    expect(screen.getByText("35 of 70 (50%)")).toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Placement days completed" })).toHaveAttribute(
      "aria-valuenow",
      "35",
    );
  });
});
