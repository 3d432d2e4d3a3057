import { markdownToHtml } from "@/lib/text/markdown";

/**
 * Long text as its writer formatted it: **bold**, lists, quotes and links
 * (lib/text/markdown.ts). The HTML comes from markdown-it with HTML input
 * turned off, so nothing the writer typed can add a tag or a script.
 */
export function FormattedText({ text, className = "" }: { text: string; className?: string }) {
  return <div className={`formatted-text ${className}`} dangerouslySetInnerHTML={{ __html: markdownToHtml(text) }} />;
}
