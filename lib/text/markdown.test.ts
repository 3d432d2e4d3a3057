import { markdownToBlocks, markdownToHtml } from "@/lib/text/markdown";

describe("Markdown shown as formatted text", () => {
  it("formats bold, lists and quotes", () => {
    const html = markdownToHtml('**What went well**\n\n- listened\n- planned\n\n> "I liked the game"');
    expect(html).toContain("<strong>What went well</strong>");
    expect(html).toContain("<ul>\n<li>listened</li>\n<li>planned</li>\n</ul>");
    expect(html).toContain("<blockquote>\n<p>&quot;I liked the game&quot;</p>\n</blockquote>");
  });

  it("never lets HTML or a script link through", () => {
    const html = markdownToHtml(
      '<script>alert(1)</script> <img src=x onerror="alert(1)"> [click](javascript:alert(1))',
    );
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("keeps a line break as typed, and a '#' line as text rather than a heading", () => {
    expect(markdownToHtml("one\ntwo")).toBe("<p>one<br>\ntwo</p>\n");
    expect(markdownToHtml("# Not a heading")).toBe("<p># Not a heading</p>\n");
  });
});

describe("Markdown as blocks for the PDF", () => {
  it("gives paragraphs, list items with their markers and quotes, with bold runs", () => {
    expect(markdownToBlocks("**Strengths:** warm\n\n1. one\n2. two\n\n- a\n\n> quoted")).toEqual([
      {
        kind: "paragraph",
        depth: 0,
        runs: [
          { text: "Strengths:", bold: true, italic: false },
          { text: " warm", bold: false, italic: false },
        ],
      },
      { kind: "item", marker: "1.", depth: 0, runs: [{ text: "one", bold: false, italic: false }] },
      { kind: "item", marker: "2.", depth: 0, runs: [{ text: "two", bold: false, italic: false }] },
      { kind: "item", marker: "•", depth: 0, runs: [{ text: "a", bold: false, italic: false }] },
      { kind: "quote", depth: 1, runs: [{ text: "quoted", bold: false, italic: false }] },
    ]);
  });
});
