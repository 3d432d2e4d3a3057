import { redactValue, scrubMessage, serializeError } from "./redact";

// What reaches the logs (docs/operations.md#logs): ids and shapes, never names, secrets or free text.

describe("scrubMessage", () => {
  it("removes the arguments Prisma quotes in its errors", () => {
    const message = `
Invalid \`prisma.child.create()\` invocation:

{
  data: {
    firstName: "Zebediah",
    lastName: "Quillfeather",
  }
}

Unique constraint failed on the fields: (\`code\`)`;
    const scrubbed = scrubMessage(message);
    expect(scrubbed).not.toMatch(/Zebediah|Quillfeather/);
    expect(scrubbed).toContain("Unique constraint failed");
  });

  it("removes PostgreSQL's key values, emails, tokens and quoted text", () => {
    const scrubbed = scrubMessage(
      `duplicate key value violates unique constraint "User_email_key" Key (email)=(amira@example.org) already exists; token pt_abcdefghijklmnop1234; said 'my mum shouts'`,
    );
    expect(scrubbed).not.toMatch(/amira@example.org|pt_abcdefghijklmnop1234|my mum shouts/);
    expect(scrubbed).toContain("(email)=([removed])");
  });
});

describe("redactValue", () => {
  it("drops secrets and record content by key, keeps the server's own fields", () => {
    const fields = redactValue({
      requestId: "0140c728-2454-4ae1-a079-2a9451b211ca",
      userId: "c98596e7f967f487ab27ce13f",
      route: "/placements/[id]",
      password: "hunter2",
      headers: { cookie: "pt_session=abc", authorization: "Bearer pt_secret" },
      body: { firstName: "Zebediah", notes: "free text", status: 201 },
    }) as Record<string, unknown>;
    expect(fields).toMatchObject({
      requestId: "0140c728-2454-4ae1-a079-2a9451b211ca",
      userId: "c98596e7f967f487ab27ce13f",
      route: "/placements/[id]",
      password: "[removed]",
      headers: { cookie: "[removed]", authorization: "[removed]" },
      body: "[removed]",
    });
  });

  it("keeps an error's class, code and stack frames, scrubbing its message", () => {
    const error = Object.assign(new Error(`Child "Zebediah Quillfeather" not found`), { code: "P2025" });
    const serialised = serializeError(error);
    expect(serialised).toMatchObject({ type: "Error", code: "P2025" });
    expect(JSON.stringify(serialised)).not.toMatch(/Zebediah/);
    expect((serialised.stack as string[])[0]).toMatch(/^at /);
  });
});
