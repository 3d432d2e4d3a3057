import { checkAttachment, extensionOf, safeDownloadName, sniffContent, zipEntryNames } from "./attachment-types";
import {
  bytes,
  docx,
  EXE_HEADER,
  OLE_HEADER,
  PNG_HEADER,
  pptx,
  tinyPdf,
  xlsx,
  zipWith,
} from "../../tests/support/files";

describe("sniffContent: the type from the bytes", () => {
  it.each([
    ["pdf", tinyPdf()],
    ["png", bytes(PNG_HEADER, [0, 0, 0, 13])],
    ["jpeg", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF")],
    ["gif", bytes("GIF89a", [1, 0, 1, 0])],
    ["gif", bytes("GIF87a", [1, 0, 1, 0])],
    ["webp", bytes("RIFF", [36, 0, 0, 0], "WEBPVP8 ")],
    ["docx", docx()],
    ["xlsx", xlsx()],
    ["pptx", pptx()],
    ["ole", bytes(OLE_HEADER, [0, 0, 0, 0])],
  ])("recognises %s", (kind, content) => {
    expect(sniffContent(content)).toBe(kind);
  });

  it.each([
    ["an executable", bytes(EXE_HEADER)],
    ["plain text", bytes("hello, this is text")],
    ["HTML", bytes("<!doctype html><script>alert(1)</script>")],
    ["SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
    ["a RIFF that is not WebP (WAV)", bytes("RIFF", [36, 0, 0, 0], "WAVEfmt ")],
    ["a ZIP that is not an Office document", zipWith(["readme.txt", "word.txt"])],
    ["a ZIP with word/ but no content types", zipWith(["word/document.xml"])],
    ["a truncated ZIP", zipWith(["[Content_Types].xml", "word/document.xml"]).subarray(0, 40)],
    ["an empty file", Buffer.alloc(0)],
    ["a PDF signature not at the start", bytes("xx%PDF-1.4")],
  ])("refuses %s", (_label, content) => {
    expect(sniffContent(content)).toBeNull();
  });

  it("reads a ZIP's entry names from its central directory", () => {
    expect(zipEntryNames(zipWith(["a.txt", "b/c.xml"]))).toEqual(["a.txt", "b/c.xml"]);
    expect(zipEntryNames(bytes("not a zip"))).toBeNull();
  });
});

describe("checkAttachment: content and extension must agree", () => {
  it("accepts a PDF named .pdf, whatever the case of the extension", () => {
    expect(checkAttachment("Reflective log.PDF", tinyPdf())).toEqual({
      ok: true,
      kind: "pdf",
      contentType: "application/pdf",
    });
  });

  it("accepts both JPEG extensions", () => {
    const jpeg = bytes([0xff, 0xd8, 0xff, 0xdb]);
    expect(checkAttachment("photo.jpg", jpeg)).toMatchObject({ ok: true, kind: "jpeg", contentType: "image/jpeg" });
    expect(checkAttachment("photo.jpeg", jpeg)).toMatchObject({ ok: true, kind: "jpeg" });
  });

  it("accepts Office documents with their own extensions", () => {
    expect(checkAttachment("plan.docx", docx())).toMatchObject({ ok: true, kind: "docx" });
    expect(checkAttachment("log.xlsx", xlsx())).toMatchObject({ ok: true, kind: "xlsx" });
    expect(checkAttachment("talk.pptx", pptx())).toMatchObject({ ok: true, kind: "pptx" });
  });

  it("decides a legacy Office file's type by its extension", () => {
    const ole = bytes(OLE_HEADER);
    expect(checkAttachment("old.doc", ole)).toMatchObject({ ok: true, kind: "doc", contentType: "application/msword" });
    expect(checkAttachment("old.xls", ole)).toMatchObject({ ok: true, kind: "xls" });
    expect(checkAttachment("old.ppt", ole)).toMatchObject({ ok: true, kind: "ppt" });
    expect(checkAttachment("old.pdf", ole)).toMatchObject({ ok: false });
    expect(checkAttachment("old.msg", ole)).toMatchObject({ ok: false });
  });

  it("refuses an executable renamed .pdf", () => {
    const result = checkAttachment("evidence.pdf", bytes(EXE_HEADER, "This program cannot be run in DOS mode"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/not a type that can be attached/);
  });

  it("refuses a real type under another type's extension", () => {
    const result = checkAttachment("scan.pdf", bytes(PNG_HEADER));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.reason).toBe("This file is a PNG image, but its name ends in .pdf. Rename it to end in .png.");
    expect(checkAttachment("notes.docx", xlsx()).ok).toBe(false);
    expect(checkAttachment("noextension", tinyPdf()).ok).toBe(false);
  });
});

describe("file names", () => {
  it("reads the extension", () => {
    expect(extensionOf("a.b.PDF")).toBe("pdf");
    expect(extensionOf("none")).toBe("");
  });

  it("makes a download name safe for a header", () => {
    expect(safeDownloadName('../../etc/"passwd".pdf', "pdf")).toBe("etcpasswd.pdf");
    expect(safeDownloadName("Zoë's log;\r\n.pdf", "pdf")).toBe("Zoe's log.pdf");
    expect(safeDownloadName("", "pdf")).toBe("attachment.pdf");
    expect(safeDownloadName("report", "png")).toBe("report.png");
  });
});
