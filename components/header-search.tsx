/**
 * The search box in the site header: a plain GET form to /search, so it works
 * without JavaScript and the results page has a shareable address. Its label
 * is "Find", not "Search", so it never shares a name with a page's own search
 * or filter box (e.g. the placements list's "Search") — for screen-reader users
 * and tests alike; the landmark still announces it as a search.
 */
export function HeaderSearch({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label="Site"
      className="flex w-full items-center gap-2 sm:w-auto"
    >
      <label htmlFor="header-search" className="font-semibold">
        Find
      </label>
      <input
        id="header-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        minLength={2}
        maxLength={100}
        required
        autoComplete="off"
        className="min-w-0 flex-1 rounded border-2 border-white bg-white px-2 py-1 text-gray-950 sm:w-44 sm:flex-none"
      />
      <button
        type="submit"
        className="rounded border-2 border-white px-3 py-1 font-semibold text-white hover:bg-brand-600"
      >
        Go
      </button>
    </form>
  );
}
