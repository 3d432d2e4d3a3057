/** @jest-environment node */
import { AppError } from "@/lib/errors";
import { readUpload } from "@/lib/portfolio/attachment-upload";

const MAX = 1000;
beforeAll(() => {
  process.env.ATTACHMENT_MAX_BYTES = String(MAX);
});
afterAll(() => {
  delete process.env.ATTACHMENT_MAX_BYTES;
});

async function statusOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return error instanceof AppError ? error.status : error;
}

describe("reading an upload", () => {
  it("gives up on a streamed body past the limit, without a Content-Length and without reading the rest (413)", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 10_000) controller.close();
        else controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request("http://localhost/upload", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(await statusOf(readUpload(request))).toBe(413);
    // The limit with room for the multipart wrapping is about 65 kB: far fewer than 10,000 chunks were read.
    expect(pulled).toBeLessThan(100);
  });

  it("refuses a declared Content-Length past the limit before reading (413)", async () => {
    const request = new Request("http://localhost/upload", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(10_000_000) },
      body: "--x--",
    });
    expect(await statusOf(readUpload(request))).toBe(413);
  });

  it("refuses a body that is not multipart (400)", async () => {
    const request = new Request("http://localhost/upload", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(await statusOf(readUpload(request))).toBe(400);
  });

  it("refuses multipart it cannot read (400)", async () => {
    const request = new Request("http://localhost/upload", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: "not multipart at all",
    });
    expect(await statusOf(readUpload(request))).toBe(400);
  });

  it("returns the file's name and bytes, or null when the form has no file", async () => {
    const form = new FormData();
    form.append("file", new File([new Uint8Array([1, 2, 3])], "plan.pdf"));
    const upload = await readUpload(new Request("http://localhost/upload", { method: "POST", body: form }));
    expect(upload?.name).toBe("plan.pdf");
    expect([...(upload?.bytes ?? [])]).toEqual([1, 2, 3]);
    const empty = new FormData();
    empty.append("note", "no file");
    expect(await readUpload(new Request("http://localhost/upload", { method: "POST", body: empty }))).toBeNull();
  });
});
