import {
  MAX_ATTEMPTS,
  afterAttempt,
  differingFields,
  editItem,
  isExpired,
  newOutboxItem,
  resolveConflict,
  sendable,
  type OutboxItem,
} from "./outbox";

let counter = 0;
const makeKey = () => `key-${++counter}`;

function item(target: string, createdAt: number, overrides: Partial<OutboxItem> = {}): OutboxItem {
  return {
    ...newOutboxItem(
      {
        kind: "direct-work-session",
        title: `Session ${target}`,
        method: "PATCH",
        url: `/api/v1/programme-sessions/${target}`,
        body: { childsWords: "I like drawing", version: 1 },
        target,
      },
      createdAt,
      makeKey,
    ),
    ...overrides,
  };
}

describe("the order of sending", () => {
  it("sends oldest first, whatever order they are stored in", () => {
    const [a, b, c] = [item("s1", 30), item("s2", 10), item("s3", 20)];
    expect(sendable([a, b, c]).map((each) => each.target)).toEqual(["s2", "s3", "s1"]);
  });

  it("holds later changes to a record whose earlier change is in conflict or refused; other records go on", () => {
    const items = [
      item("s1", 1, { state: "conflict" }),
      item("s1", 2),
      item("s2", 3, { state: "refused" }),
      item("s2", 4),
      item("s3", 5),
    ];
    expect(sendable(items).map((each) => [each.target, each.createdAt])).toEqual([["s3", 5]]);
  });
});

describe("idempotency keys", () => {
  it("each new item gets its own key", () => {
    const keys = new Set([item("s1", 1), item("s1", 2), item("s2", 3)].map((each) => each.idempotencyKey));
    expect(keys.size).toBe(3);
  });

  it("a retry after no answer keeps the key (the server may have the first attempt)", () => {
    const queued = item("s1", 1);
    const outcome = afterAttempt(queued, null, null);
    expect(outcome).toMatchObject({ kind: "stop", reason: "offline" });
    if (outcome.kind !== "stop") throw new Error("unreachable");
    expect(outcome.item.idempotencyKey).toBe(queued.idempotencyKey);
    expect(outcome.item.attempts).toBe(1);
  });

  it("an edited body is a new request with a new key, waiting again", () => {
    const refused = item("s1", 1, { state: "refused", message: "Enter a date", attempts: 2 });
    const edited = editItem(refused, { childsWords: "changed", version: 1 }, makeKey);
    expect(edited.idempotencyKey).not.toBe(refused.idempotencyKey);
    expect(edited).toMatchObject({ state: "waiting", attempts: 0, message: undefined });
  });
});

describe("what an answer does to a queued change", () => {
  it("2xx: sent", () => {
    expect(afterAttempt(item("s1", 1), 200, { id: "s1", version: 2 })).toEqual({
      kind: "sent",
      response: { id: "s1", version: 2 },
    });
  });

  it("401: stop and keep it: the user signs in again and it sends then", () => {
    const queued = item("s1", 1);
    expect(afterAttempt(queued, 401, {})).toEqual({ kind: "stop", reason: "signed-out", item: queued });
  });

  it("409 on an update: a conflict, with the server's message", () => {
    const outcome = afterAttempt(item("s1", 1), 409, { error: { code: "conflict", message: "Priya changed it" } });
    expect(outcome).toMatchObject({ kind: "kept", item: { state: "conflict", message: "Priya changed it" } });
  });

  it("422: kept and shown with the message and the fields to fix, never sent again as it is", () => {
    const outcome = afterAttempt(item("s1", 1), 422, {
      error: { code: "validation", message: "Check the highlighted fields.", fields: { heldOn: ["Enter a date"] } },
    });
    expect(outcome).toMatchObject({
      kind: "kept",
      item: { state: "refused", fields: { heldOn: ["Enter a date"] } },
    });
    if (outcome.kind !== "kept") throw new Error("unreachable");
    expect(sendable([outcome.item])).toEqual([]);
  });

  it("403 and 404 (lost access) are refusals too", () => {
    expect(afterAttempt(item("s1", 1), 403, null)).toMatchObject({ item: { state: "refused" } });
    expect(afterAttempt(item("s1", 1), 404, null)).toMatchObject({ item: { state: "refused" } });
  });

  it("a server error is retried, but not forever", () => {
    let queued = item("s1", 1);
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const outcome = afterAttempt(queued, 503, null);
      expect(outcome).toMatchObject({ kind: "kept", item: { state: "waiting", attempts: attempt } });
      if (outcome.kind !== "kept") throw new Error("unreachable");
      queued = outcome.item;
    }
    expect(afterAttempt(queued, 500, null)).toMatchObject({ kind: "kept", item: { state: "refused" } });
  });
});

describe("resolving a conflict field by field", () => {
  const fields = ["status", "whatWasDone", "childsWords", "studentReflection"];
  const conflicted = item("s1", 1, {
    state: "conflict",
    body: { status: "ATTENDED", whatWasDone: "Drawing", childsWords: "I felt safe", studentReflection: "", version: 1 },
    current: {
      status: "ATTENDED",
      whatWasDone: "Drawing and a walk",
      childsWords: "",
      studentReflection: "",
      version: 2,
    },
  });

  it("lists only the fields whose values differ", () => {
    expect(differingFields(conflicted.body, conflicted.current!, fields)).toEqual(["whatWasDone", "childsWords"]);
  });

  it("takes each field from the chosen side, on the current version, with a new key", () => {
    const resolved = resolveConflict(conflicted, { whatWasDone: "current", childsWords: "mine" }, fields, makeKey);
    expect(resolved.body).toEqual({
      status: "ATTENDED",
      whatWasDone: "Drawing and a walk",
      childsWords: "I felt safe",
      studentReflection: "",
      version: 2,
    });
    expect(resolved).toMatchObject({ state: "waiting", current: undefined });
    expect(resolved.idempotencyKey).not.toBe(conflicted.idempotencyKey);
  });

  it("keeps the user's own value where they chose nothing", () => {
    expect(resolveConflict(conflicted, {}, fields, makeKey).body.childsWords).toBe("I felt safe");
  });
});

describe("expiry", () => {
  const day = 24 * 60 * 60 * 1000;
  it("keeps data for the configured number of days, no longer", () => {
    expect(isExpired(0, 7 * day, 7)).toBe(false);
    expect(isExpired(0, 7 * day + 1, 7)).toBe(true);
  });
});
