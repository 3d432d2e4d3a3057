import "server-only";
import PDFDocument from "pdfkit";
import { markdownToBlocks } from "@/lib/text/markdown";

// Small shared helpers for the product's PDFs (the Practice Assessment
// Document now, a cohort report later): an A4 document in the built-in
// Helvetica (no font files to download or ship), a running header and a
// "Page n of m" footer, headings, paragraphs and simple ruled tables.
// Tagged for screen readers (PDF/UA-style): the document's language and title,
// headings as H1–H4, text as P, tables as Table/TR/TH/TD; rules, shading and
// the running header and footer are artifacts a reader skips.

const FONT = "Helvetica";
const FONT_BOLD = "Helvetica-Bold";
const MARGIN = { top: 62, bottom: 62, left: 56, right: 56 };
const GREY = "#444444";

/**
 * The standard PDF fonts only know the Windows-1252 characters: anything else
 * (emoji, other scripts) would print as garbage, so it becomes "?".
 */
const WIN_ANSI_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
export function pdfSafe(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC").replace(/\r\n?/g, "\n")) {
    const code = char.codePointAt(0)!;
    if (char === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char))
      out += char;
    else if (char === "\t") out += "    ";
    else out += "?";
  }
  return out;
}

export type TableColumn = { header: string; /** Share of the text width; the shares are normalised. */ width: number };

export type PdfReportOptions = {
  /** Shown in the running header of every page after the first, and in the file's metadata. */
  title: string;
  /** Left of the footer, e.g. "Printed 23 Nov 2026 · Placement Tracker". */
  footerNote?: string;
  author?: string;
};

/** One report being written top to bottom. Call `toBuffer()` once at the end. */
export class PdfReport {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  /** The one root of the structure tree, as PDF/UA asks: every heading, paragraph and table is its child. */
  private readonly root: PDFKit.PDFStructureElement;

  constructor(private readonly options: PdfReportOptions) {
    this.doc = new PDFDocument({
      size: "A4",
      margins: MARGIN,
      bufferPages: true,
      pdfVersion: "1.7",
      tagged: true,
      lang: "en-GB",
      displayTitle: true,
      info: {
        Title: pdfSafe(options.title),
        Author: pdfSafe(options.author ?? "Placement Tracker"),
        Creator: "Placement Tracker",
      },
    });
    this.doc.on("data", (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      this.doc.on("error", reject);
    });
    this.root = this.doc.struct("Document");
    this.doc.addStructure(this.root);
    this.doc.font(FONT).fontSize(10.5).fillColor("black");
  }

  /** Draws `draw` as one structure element of the document (a heading, a paragraph…). */
  private tag(type: string, draw: () => void) {
    this.root.add(this.doc.struct(type, {}, draw));
  }

  /** Decoration a screen reader skips: rules, shading, the running header and footer. */
  private artifact(draw: () => void, type?: "Pagination" | "Layout") {
    this.doc.markContent("Artifact", type ? { type } : undefined);
    draw();
    this.doc.endMarkedContent();
  }

  private get width() {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  private get bottom() {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  pageBreak() {
    this.doc.addPage();
  }

  /** The document's title block on the first page. */
  title(text: string, subtitle?: string) {
    this.tag("H1", () =>
      this.doc
        .font(FONT_BOLD)
        .fontSize(20)
        .fillColor("black")
        .text(pdfSafe(text), MARGIN.left, this.doc.y, { width: this.width }),
    );
    if (subtitle) {
      this.doc.moveDown(0.2);
      this.tag("P", () =>
        this.doc.font(FONT).fontSize(11).fillColor(GREY).text(pdfSafe(subtitle), { width: this.width }),
      );
    }
    this.doc.fillColor("black").font(FONT).fontSize(10.5).moveDown(0.8);
  }

  /** Level 1 starts a numbered part; 2 and 3 are sub-headings. Kept with at least a few lines of what follows. */
  heading(text: string, level: 1 | 2 | 3 = 1) {
    const size = level === 1 ? 15 : level === 2 ? 12.5 : 11;
    // Room for the heading and a few lines of what follows: no heading alone at the foot of a page.
    this.ensureSpace(size * 2 + 60);
    this.doc.moveDown(level === 1 ? 0.8 : 0.5);
    // The title is H1, so a part is H2 and its sub-headings H3 and H4.
    this.tag(`H${level + 1}`, () =>
      this.doc
        .font(FONT_BOLD)
        .fontSize(size)
        .fillColor("black")
        .text(pdfSafe(text), MARGIN.left, this.doc.y, { width: this.width }),
    );
    if (level === 1) {
      const y = this.doc.y + 2;
      this.artifact(() =>
        this.doc
          .moveTo(MARGIN.left, y)
          .lineTo(MARGIN.left + this.width, y)
          .lineWidth(0.8)
          .strokeColor("black")
          .stroke(),
      );
      this.doc.moveDown(0.4);
    }
    this.doc.font(FONT).fontSize(10.5).moveDown(0.2);
  }

  /** Body text; empty text prints `empty` in grey instead. */
  paragraph(text: string | null | undefined, options: { empty?: string; bold?: boolean } = {}) {
    const value = (text ?? "").trim();
    if (!value) {
      if (options.empty)
        this.tag("P", () =>
          this.doc
            .font(FONT)
            .fillColor(GREY)
            .text(pdfSafe(options.empty!), MARGIN.left, this.doc.y, { width: this.width })
            .fillColor("black"),
        );
      this.doc.moveDown(0.4);
      return;
    }
    if (options.bold)
      this.tag("P", () =>
        this.doc
          .font(FONT_BOLD)
          .fontSize(10.5)
          .fillColor("black")
          .text(pdfSafe(value), MARGIN.left, this.doc.y, { width: this.width, lineGap: 1.5 }),
      );
    else this.formatted(value);
    this.doc.font(FONT).fillColor("black").moveDown(0.4);
  }

  /** Text written with a little Markdown, as on the page: bold and italic runs, indented lists with their markers, quotes with a rule beside them. */
  private formatted(value: string) {
    const { doc } = this;
    const blocks = markdownToBlocks(value);
    blocks.forEach((block, index) => {
      if (block.runs.length === 0) return;
      const indent = block.depth * 16 + (block.kind === "item" ? 16 : 0);
      const x = MARGIN.left + indent;
      const width = this.width - indent;
      this.ensureSpace(14);
      const top = doc.y;
      doc.fontSize(10.5).fillColor(block.kind === "quote" ? GREY : "black");
      // Each block (paragraph, list item with its marker, quote) is one paragraph for a screen reader.
      this.tag("P", () => {
        if (block.marker) {
          doc.font(FONT).text(pdfSafe(block.marker), x - 16, top, { width: 14, lineBreak: false });
          doc.y = top;
        }
        block.runs.forEach((run, at) => {
          const font =
            run.bold && run.italic
              ? "Helvetica-BoldOblique"
              : run.bold
                ? FONT_BOLD
                : run.italic
                  ? "Helvetica-Oblique"
                  : FONT;
          const options = { width, lineGap: 1.5, continued: at < block.runs.length - 1 };
          if (at === 0) doc.font(font).text(pdfSafe(run.text), x, top, options);
          else doc.font(font).text(pdfSafe(run.text), options);
        });
      });
      if (block.kind === "quote" && doc.y > top)
        this.artifact(() =>
          doc
            .moveTo(x - 8, top)
            .lineTo(x - 8, doc.y)
            .lineWidth(2)
            .strokeColor("#9aa5ad")
            .stroke(),
        );
      doc.x = MARGIN.left;
      if (index < blocks.length - 1)
        doc.moveDown(block.kind === "item" && blocks[index + 1].kind === "item" ? 0.1 : 0.4);
    });
  }

  /** A label in bold followed by its text, for short facts. */
  labelled(label: string, text: string | null | undefined, empty = "—") {
    this.tag("P", () =>
      this.doc
        .font(FONT_BOLD)
        .text(pdfSafe(`${label}: `), MARGIN.left, this.doc.y, { width: this.width, continued: true })
        .font(FONT)
        .text(pdfSafe((text ?? "").trim() || empty)),
    );
    this.doc.moveDown(0.2);
  }

  /** A two-column table of facts (term, value). */
  facts(rows: Array<[string, string | null | undefined]>) {
    this.table(
      [
        { header: "", width: 0.32 },
        { header: "", width: 0.68 },
      ],
      rows.map(([term, value]) => [term, (value ?? "").trim() || "—"]),
      { headerRow: false, boldFirstColumn: true },
    );
  }

  /**
   * A ruled table. Rows split across pages whole, and the header row repeats
   * on each new page. A cell taller than a page is cut with a note, so keep
   * long prose in paragraphs.
   */
  table(
    columns: TableColumn[],
    rows: string[][],
    options: { headerRow?: boolean; boldFirstColumn?: boolean; empty?: string } = {},
  ) {
    const { doc } = this;
    const headerRow = options.headerRow ?? true;
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (column.width / total) * this.width);
    const pad = 4;
    const fontSize = 9.5;
    if (rows.length === 0) {
      this.paragraph("", { empty: options.empty ?? "None." });
      return;
    }

    const table = doc.struct("Table");
    this.root.add(table);
    const drawRow = (cells: string[], bold: boolean[], shade: boolean) => {
      doc.fontSize(fontSize);
      const maxHeight = this.bottom - MARGIN.top - 2 * pad;
      const heights = cells.map((cell, index) =>
        doc.font(bold[index] ? FONT_BOLD : FONT).heightOfString(pdfSafe(cell), { width: widths[index] - 2 * pad }),
      );
      const height = Math.min(Math.max(...heights, fontSize), maxHeight) + 2 * pad;
      if (doc.y + height > this.bottom) {
        doc.addPage();
        if (headerRow && !shade)
          drawRow(
            columns.map((column) => column.header),
            columns.map(() => true),
            true,
          );
      }
      const top = doc.y;
      let x = MARGIN.left;
      const row = doc.struct("TR");
      table.add(row);
      cells.forEach((cell, index) => {
        const cellX = x;
        this.artifact(() => {
          if (shade) doc.rect(cellX, top, widths[index], height).fillColor("#eeeeee").fill();
          doc.rect(cellX, top, widths[index], height).lineWidth(0.5).strokeColor("#666666").stroke();
        });
        const text =
          heights[index] > maxHeight
            ? `${pdfSafe(cell).slice(0, 1500)}… (continued in the online record)`
            : pdfSafe(cell);
        // The header row's cells, and a table of facts' first column, head their column or row.
        const header = shade || (options.boldFirstColumn && index === 0);
        row.add(
          doc.struct(header ? "TH" : "TD", {}, () =>
            doc
              .font(bold[index] ? FONT_BOLD : FONT)
              .fillColor("black")
              .fontSize(fontSize)
              .text(text, cellX + pad, top + pad, {
                width: widths[index] - 2 * pad,
                height: height - 2 * pad,
                ellipsis: true,
              }),
          ),
        );
        x += widths[index];
      });
      row.end();
      doc.x = MARGIN.left;
      doc.y = top + height;
    };

    // A short table (up to a few rows) starts on the next page rather than leaving its header behind.
    if (headerRow) this.ensureSpace(Math.min(rows.length, 4) * 22 + 24);
    if (headerRow)
      drawRow(
        columns.map((column) => column.header),
        columns.map(() => true),
        true,
      );
    for (const row of rows)
      drawRow(
        row,
        row.map((_, index) => Boolean(options.boldFirstColumn && index === 0)),
        false,
      );
    table.end();
    doc.font(FONT).fontSize(10.5).moveDown(0.6);
  }

  /** Finishes the document: running header and "Page n of m" on every page. */
  async toBuffer(): Promise<Buffer> {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      // Writing into the margins must not trigger pdfkit's automatic new page.
      const saved = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const pageWidth = doc.page.width - MARGIN.left - MARGIN.right;
      doc.font(FONT).fontSize(8.5).fillColor(GREY);
      const footerY = doc.page.height - 40;
      this.artifact(() => {
        if (index > range.start)
          doc.text(pdfSafe(this.options.title), MARGIN.left, 30, {
            width: pageWidth,
            lineBreak: false,
            ellipsis: true,
          });
        if (this.options.footerNote)
          doc.text(pdfSafe(this.options.footerNote), MARGIN.left, footerY, {
            width: pageWidth * 0.7,
            lineBreak: false,
            ellipsis: true,
          });
        doc.text(`Page ${index - range.start + 1} of ${range.count}`, MARGIN.left, footerY, {
          width: pageWidth,
          align: "right",
          lineBreak: false,
        });
      }, "Pagination");
      doc.page.margins.bottom = saved;
    }
    this.root.end();
    doc.end();
    return this.done;
  }
}
