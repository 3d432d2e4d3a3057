import MarkdownIt from "markdown-it";

// People write feedback, reflections and reports with a little Markdown
// (**What went well**, "- " lists, "> " quotes). It is shown formatted, on the
// page and in the PAD PDF, by markdown-it rather than a parser of our own.
//
// Safe by configuration: `html: false` escapes any HTML in the text, so a
// script or tag shows as text and never runs; markdown-it refuses javascript:,
// vbscript:, file: and data: links; images are off (they would load from
// anywhere) and so are headings (a "# " line would break the page's outline).
const markdown = new MarkdownIt({ html: false, linkify: false, breaks: true, typographer: false }).disable([
  "image",
  "heading",
  "lheading",
  "table",
]);

/** The text as HTML that is safe to put in the page (everything the writer typed is escaped). */
export function markdownToHtml(text: string): string {
  return markdown.render(text.replace(/\r\n?/g, "\n"));
}

/** A run of text in a line of the PDF, bold or italic or neither. */
export type TextRun = { text: string; bold?: boolean; italic?: boolean };
/** A block of the PDF: a paragraph, a list item ("• " or "3. ") or a quoted paragraph. */
export type TextBlock = { kind: "paragraph" | "item" | "quote"; marker?: string; depth: number; runs: TextRun[] };

/**
 * The text as blocks and runs for a PDF (lib/pdf/document.ts): the same
 * parse as the page, so **bold**, lists and quotes come out the same way.
 */
export function markdownToBlocks(text: string): TextBlock[] {
  const tokens = markdown.parse(text.replace(/\r\n?/g, "\n"), {});
  const blocks: TextBlock[] = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let quoteDepth = 0;
  let pendingMarker: string | undefined;
  for (const token of tokens) {
    switch (token.type) {
      case "bullet_list_open":
        lists.push({ ordered: false, next: 1 });
        break;
      case "ordered_list_open":
        lists.push({ ordered: true, next: Number(token.attrGet("start") ?? 1) });
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        lists.pop();
        break;
      case "list_item_open": {
        const list = lists.at(-1)!;
        pendingMarker = list.ordered ? `${list.next++}.` : "•";
        break;
      }
      case "blockquote_open":
        quoteDepth++;
        break;
      case "blockquote_close":
        quoteDepth--;
        break;
      case "code_block":
      case "fence":
        blocks.push({ kind: "paragraph", depth: lists.length, runs: [{ text: token.content.replace(/\n$/, "") }] });
        break;
      case "inline": {
        const runs: TextRun[] = [];
        let bold = false;
        let italic = false;
        for (const child of token.children ?? []) {
          if (child.type === "strong_open") bold = true;
          else if (child.type === "strong_close") bold = false;
          else if (child.type === "em_open") italic = true;
          else if (child.type === "em_close") italic = false;
          else if (child.type === "softbreak" || child.type === "hardbreak") runs.push({ text: "\n", bold, italic });
          else if ((child.type === "text" || child.type === "code_inline") && child.content)
            runs.push({ text: child.content, bold, italic });
        }
        const kind = pendingMarker ? "item" : quoteDepth > 0 ? "quote" : "paragraph";
        blocks.push({
          kind,
          ...(pendingMarker ? { marker: pendingMarker } : {}),
          depth: Math.max(lists.length - 1, 0) + (quoteDepth > 0 ? 1 : 0),
          runs,
        });
        pendingMarker = undefined;
        break;
      }
    }
  }
  return blocks;
}
