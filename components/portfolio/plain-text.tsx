/**
 * Evidence text as the student typed it: paragraphs at blank lines, line
 * breaks kept. React escapes every character, so HTML or script in the text
 * is shown as text and never runs (the body is never rendered as HTML).
 */
export function PlainText({ text, empty = "Nothing written." }: { text: string; empty?: string }) {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return <p className="text-muted">{empty}</p>;
  return (
    <div className="space-y-3">
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="whitespace-pre-line break-words">
          {paragraph}
        </p>
      ))}
    </div>
  );
}
