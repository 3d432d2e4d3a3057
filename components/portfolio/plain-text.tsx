import { FormattedText } from "@/components/formatted-text";

/**
 * Evidence text as the student wrote it, formatted: paragraphs, line breaks,
 * **bold**, lists and quotes (lib/text/markdown.ts). Any HTML or script in
 * the text is shown as text and never runs.
 */
export function PlainText({ text, empty = "Nothing written." }: { text: string; empty?: string }) {
  if (!text.trim()) return <p className="text-muted">{empty}</p>;
  return <FormattedText text={text} />;
}
