// Fills for chart marks that differ in pattern as well as colour, so a chart
// reads in greyscale and for people who do not tell red from green (WCAG 1.4.1).
// Each chart passes its own id prefix: ids must be unique on the page.

export type PatternName = "solid" | "stripes" | "crosshatch" | "dots";

export const CHART_COLOURS = {
  red: "#a4161a",
  amber: "#9a4b00",
  green: "#1e6b3a",
  brand: "#1d6f73",
  grey: "#505a62",
  light: "#9aa5ad",
} as const;

export function PatternDefs({ prefix, colour, name }: { prefix: string; colour: string; name: PatternName }) {
  const id = `${prefix}-${name}`;
  switch (name) {
    case "solid":
      return null;
    case "stripes":
      return (
        <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill="white" />
          <rect width="4" height="8" fill={colour} />
        </pattern>
      );
    case "crosshatch":
      return (
        <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill={colour} />
          <path d="M0 0L8 8M8 0L0 8" stroke="white" strokeWidth="1.5" />
        </pattern>
      );
    case "dots":
      return (
        <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="white" />
          <circle cx="3" cy="3" r="2" fill={colour} />
        </pattern>
      );
  }
}

export function fillOf(prefix: string, colour: string, name: PatternName): string {
  return name === "solid" ? colour : `url(#${prefix}-${name})`;
}
