"use client";

import { useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";

/**
 * The header's menu on phones: a "Menu" button (aria-expanded) that shows or
 * hides the links, search and account, so the header is one line instead of
 * a third of the screen. From 768px wide everything shows in the header row
 * as before and the button is gone (the panel is display: contents there).
 * Escape closes the menu and returns focus to the button; following a link
 * closes it.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && open) {
      setOpen(false);
      button.current?.focus();
    }
  }
  function onClick(event: MouseEvent) {
    if ((event.target as HTMLElement).closest("a")) setOpen(false);
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        className="ml-auto inline-flex items-center gap-2 rounded border-2 border-white px-3 py-1 font-semibold text-white md:hidden"
      >
        <svg viewBox="0 0 16 16" className="h-4 w-4" aria-hidden="true" focusable="false">
          {open ? (
            <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" strokeWidth="2" />
          ) : (
            <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" strokeWidth="2" />
          )}
        </svg>
        Menu
      </button>
      {/* Key and click handlers only close the menu: the links and buttons inside do the work. */}
      <div
        id="site-menu"
        onKeyDown={onKeyDown}
        onClick={onClick}
        className={`${open ? "flex" : "hidden"} w-full flex-col gap-4 pb-2 md:contents`}
      >
        {children}
      </div>
    </>
  );
}
