// What a file really is, read from its first bytes (and, for Office's ZIP
// formats, its list of entries) rather than from its name or the browser's
// claim. The name's extension must then agree: a "report.pdf" that is an
// executable, or a PNG named ".pdf", is refused. Pure, so it is tested with
// small byte buffers.

export type AttachmentKind = "pdf" | "png" | "jpeg" | "gif" | "webp" | "docx" | "xlsx" | "pptx" | "doc" | "xls" | "ppt";

type KindInfo = { contentType: string; extensions: readonly string[]; label: string };

export const ATTACHMENT_KINDS: Record<AttachmentKind, KindInfo> = {
  pdf: { contentType: "application/pdf", extensions: ["pdf"], label: "PDF" },
  png: { contentType: "image/png", extensions: ["png"], label: "PNG image" },
  jpeg: { contentType: "image/jpeg", extensions: ["jpg", "jpeg"], label: "JPEG image" },
  gif: { contentType: "image/gif", extensions: ["gif"], label: "GIF image" },
  webp: { contentType: "image/webp", extensions: ["webp"], label: "WebP image" },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    label: "Word document",
  },
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
    label: "Excel workbook",
  },
  pptx: {
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
    label: "PowerPoint presentation",
  },
  doc: { contentType: "application/msword", extensions: ["doc"], label: "Word 97–2003 document" },
  xls: { contentType: "application/vnd.ms-excel", extensions: ["xls"], label: "Excel 97–2003 workbook" },
  ppt: { contentType: "application/vnd.ms-powerpoint", extensions: ["ppt"], label: "PowerPoint 97–2003 presentation" },
};

export const ALLOWED_TYPES_IN_WORDS = "PDF, PNG, JPEG, GIF, WebP, or a Word, Excel or PowerPoint document";

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const u16 = (bytes: Uint8Array, at: number) => bytes[at] | (bytes[at + 1] << 8);
const u32 = (bytes: Uint8Array, at: number) =>
  (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 0x1000000;

/**
 * The names of a ZIP archive's entries, from its central directory; null when it is not a readable ZIP.
 * `bytes` may be only the end of the file, starting at offset `start` (an upload is checked as it
 * streams, keeping its first and last bytes only); the central directory must then lie within it.
 */
export function zipEntryNames(bytes: Uint8Array, start = 0): string[] | null {
  if (start === 0 && !startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
  // The end-of-central-directory record is in the last 22 + 65535 bytes (it may end with a comment).
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16) - start;
  if (at < 0) return null;
  const names: string[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: false });
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || !startsWith(bytes, [0x50, 0x4b, 0x01, 0x02], at)) return null;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The Office Open XML document a ZIP holds, by its main folder; null for any other ZIP. */
function officeKindOf(names: readonly string[]): AttachmentKind | null {
  if (!names.includes("[Content_Types].xml")) return null;
  if (names.some((name) => name.startsWith("word/"))) return "docx";
  if (names.some((name) => name.startsWith("xl/"))) return "xlsx";
  if (names.some((name) => name.startsWith("ppt/"))) return "pptx";
  return null;
}

/** The last bytes of a file that is larger than its head: `bytes` starts at offset `start`. */
export type FileTail = { bytes: Uint8Array; start: number };

/**
 * What the bytes are. A legacy Office file (OLE compound document) cannot be
 * told apart cheaply, so it is "ole" and the extension decides between DOC, XLS and PPT.
 */
export function sniffContent(bytes: Uint8Array, tail?: FileTail): AttachmentKind | "ole" | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, OLE)) return "ole";
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
  const names = tail ? zipEntryNames(tail.bytes, tail.start) : zipEntryNames(bytes);
  if (names) return officeKindOf(names);
  return null;
}

export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  return match ? match[1].toLowerCase() : "";
}

export type SniffResult = { ok: true; kind: AttachmentKind; contentType: string } | { ok: false; reason: string };

/** Whether a file may be attached: its content is an allowed type and its name's extension agrees. `bytes` is the whole file, or its head with its `tail`. */
export function checkAttachment(fileName: string, bytes: Uint8Array, tail?: FileTail): SniffResult {
  const extension = extensionOf(fileName);
  const sniffed = sniffContent(bytes, tail);
  if (sniffed === null) {
    return { ok: false, reason: `This file is not a type that can be attached. Attach a ${ALLOWED_TYPES_IN_WORDS}.` };
  }
  if (sniffed === "ole") {
    const legacy = (["doc", "xls", "ppt"] as const).find((kind) =>
      ATTACHMENT_KINDS[kind].extensions.includes(extension),
    );
    if (!legacy)
      return {
        ok: false,
        reason:
          "This file is an older Office document, but its name does not end in .doc, .xls or .ppt. Rename it to match what it is.",
      };
    return { ok: true, kind: legacy, contentType: ATTACHMENT_KINDS[legacy].contentType };
  }
  const info = ATTACHMENT_KINDS[sniffed];
  if (!info.extensions.includes(extension)) {
    return {
      ok: false,
      reason: `This file is a ${info.label}, but its name ends in ${extension ? `.${extension}` : "no extension"}. Rename it to end in .${info.extensions[0]}.`,
    };
  }
  return { ok: true, kind: sniffed, contentType: info.contentType };
}

/** A file name safe for a Content-Disposition header and a download: plain characters only, with its extension. */
export function safeDownloadName(fileName: string, fallbackExtension: string): string {
  const base = fileName
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/[\\/:*?"<>|;%]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const name = base.slice(-120) || `attachment.${fallbackExtension}`;
  return extensionOf(name) ? name : `${name}.${fallbackExtension}`;
}
