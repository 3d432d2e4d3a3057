import { RATING_LABELS } from "@/lib/validations/direct-work";

// The five faces of the child's rating, drawn rather than typed as emoji so
// they look the same on every tablet and laptop (emoji fonts vary, and some
// council devices have none). Shape, colour and a text label all say the same
// thing; the drawing itself is hidden from screen readers.

const MOUTHS: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: "M30 74 Q50 54 70 74",
  2: "M32 71 Q50 63 68 71",
  3: "M33 67 L67 67",
  4: "M31 62 Q50 78 69 62",
  5: "M27 58 Q50 90 73 58 Z",
};
const FILLS: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: "#f3a29b",
  2: "#f7c48e",
  3: "#f6df8a",
  4: "#c2e4a6",
  5: "#8fd3a0",
};

export type Rating = 1 | 2 | 3 | 4 | 5;

function asRating(value: number): Rating {
  return Math.min(5, Math.max(1, Math.round(value))) as Rating;
}

export function Face({ rating, size = 48, className }: { rating: Rating; size?: number; className?: string }) {
  return (
    <svg viewBox="0 0 100 100" width={size} height={size} aria-hidden="true" focusable="false" className={className}>
      <circle cx="50" cy="50" r="45" fill={FILLS[rating]} stroke="#1b1f23" strokeWidth="5" />
      {rating === 1 && (
        <>
          <path d="M26 34 L41 28" stroke="#1b1f23" strokeWidth="5" strokeLinecap="round" />
          <path d="M74 34 L59 28" stroke="#1b1f23" strokeWidth="5" strokeLinecap="round" />
        </>
      )}
      <circle cx="36" cy="43" r="6" fill="#1b1f23" />
      <circle cx="64" cy="43" r="6" fill="#1b1f23" />
      <path
        d={MOUTHS[rating]}
        fill={rating === 5 ? "#1b1f23" : "none"}
        stroke="#1b1f23"
        strokeWidth="5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** "[face] 4 (Good)": the number and the word are the text; the face only shows it. */
export function RatingText({ rating, size = 20 }: { rating: number | null; size?: number }) {
  if (rating === null) return <>—</>;
  const key = asRating(rating);
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap align-middle">
      <Face rating={key} size={size} />
      <span>
        {rating} ({RATING_LABELS[key]})
      </span>
    </span>
  );
}
