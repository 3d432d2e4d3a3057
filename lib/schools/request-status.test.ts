import { requestStatus } from "./request-status";

describe("requestStatus", () => {
  it("is received until the team decides", () => {
    expect(requestStatus({ decision: "PENDING", work: [] })).toBe("RECEIVED");
  });

  it("ends at declined or signposted", () => {
    expect(requestStatus({ decision: "DECLINED", work: [] })).toBe("DECLINED");
    expect(requestStatus({ decision: "SIGNPOSTED", work: [] })).toBe("SIGNPOSTED");
  });

  it("moves from accepted to allocated, running and finished as the work goes on", () => {
    expect(requestStatus({ decision: "ACCEPTED", work: [] })).toBe("ACCEPTED");
    expect(requestStatus({ decision: "ACCEPTED", work: [{ status: "ACTIVE", programme: null }] })).toBe("ALLOCATED");
    expect(
      requestStatus({
        decision: "ACCEPTED",
        work: [{ status: "ACTIVE", programme: { closedAt: null, sessionsHeld: 0 } }],
      }),
    ).toBe("ALLOCATED");
    expect(
      requestStatus({
        decision: "ACCEPTED",
        work: [{ status: "ACTIVE", programme: { closedAt: null, sessionsHeld: 1 } }],
      }),
    ).toBe("RUNNING");
    expect(
      requestStatus({
        decision: "ACCEPTED",
        work: [{ status: "ACTIVE", programme: { closedAt: new Date(), sessionsHeld: 6 } }],
      }),
    ).toBe("FINISHED");
    expect(requestStatus({ decision: "ACCEPTED", work: [{ status: "ENDED", programme: null }] })).toBe("FINISHED");
  });
});
