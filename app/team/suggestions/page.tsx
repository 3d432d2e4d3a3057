import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { listSuggestionTree } from "@/lib/children/direct-work/suggestions";
import { listThemes } from "@/lib/children/direct-work/themes";
import { childWorkPermissions } from "@/lib/access/children";
import { RatingText } from "@/app/feedback/face";
import { AddThemeForm } from "./add-theme-form";

export const metadata: Metadata = { title: "What children asked for" };
export const dynamic = "force-dynamic";

export default async function SuggestionTreePage() {
  const user = await requireUser();
  // One after the other: the embedded database serves one query at a time.
  const tree = await loadOrNotFound(() => listSuggestionTree(user));
  const themes = await listThemes(user);
  const { canAddTheme } = childWorkPermissions(user);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">What children asked for</h1>
        <p className="mt-2 max-w-3xl text-muted">
          Every &ldquo;What could be better?&rdquo; answer from the child-friendly feedback screen across the team,
          grouped by the theme of the session and then by what was asked for: a suggestion tree. It is anonymised: no
          child, code, session or date is shown, and a child&apos;s own name in the text is replaced by [name].
        </p>
      </div>

      <section aria-labelledby="tree-heading">
        <h2 id="tree-heading" className="mb-3 text-xl font-bold">
          {tree.total === 0
            ? "No suggestions yet"
            : `${tree.total} ${tree.total === 1 ? "answer" : "answers"} in ${tree.themes.length} ${tree.themes.length === 1 ? "theme" : "themes"}`}
        </h2>
        {tree.total === 0 ? (
          <p className="rounded border border-gray-300 bg-white p-4">
            When children or carers say what could be better after a session, their answers appear here.
          </p>
        ) : (
          <ul className="space-y-3" aria-label="Suggestions by session theme">
            {tree.themes.map((branch) => (
              <li key={branch.theme}>
                <details open className="rounded border border-gray-300 bg-white">
                  <summary className="cursor-pointer px-4 py-3">
                    <span className="text-lg font-semibold">{branch.theme}</span>{" "}
                    <span className="text-muted">
                      · {branch.count} {branch.count === 1 ? "answer" : "answers"}, {branch.suggestions.length}{" "}
                      different · sessions rated {branch.averageRating} of 5 on average
                    </span>
                  </summary>
                  <ul className="mb-4 ml-6 mr-4 space-y-2 border-l-4 border-brand-100 pl-4">
                    {branch.suggestions.map((suggestion) => (
                      <li
                        key={suggestion.text}
                        className="relative before:absolute before:-left-4 before:top-4 before:h-1 before:w-3 before:bg-brand-100"
                      >
                        <blockquote className="flex flex-wrap items-baseline justify-between gap-x-4 rounded bg-brand-50 px-3 py-2">
                          <p className="text-base">&ldquo;{suggestion.text}&rdquo;</p>
                          <footer className="text-sm text-muted">
                            {suggestion.count === 1 ? (
                              "Asked once"
                            ) : (
                              <span className="font-semibold text-ink">Asked {suggestion.count} times</span>
                            )}
                            {" · "}
                            {suggestion.byChild && suggestion.byCarer
                              ? "by children and carers"
                              : suggestion.byCarer
                                ? suggestion.byCarer === 1
                                  ? "by a carer"
                                  : "by carers"
                                : suggestion.byChild === 1
                                  ? "by a child"
                                  : "by children"}
                            {" · sessions rated "}
                            <RatingText rating={suggestion.averageRating} size={18} />
                          </footer>
                        </blockquote>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="themes-heading">
        <h2 id="themes-heading" className="mb-1 text-xl font-bold">
          Session themes
        </h2>
        <p className="mb-3 text-muted">
          The themes a plan of sessions is built from.
          {canAddTheme ? " Add a theme when the team's work needs one." : " The team manager can add themes."}
        </p>
        <ul className="mb-4 flex flex-wrap gap-2">
          {themes.map((theme) => (
            <li key={theme} className="rounded border border-gray-300 bg-white px-3 py-1">
              {theme}
            </li>
          ))}
        </ul>
        {canAddTheme && (
          <div className="max-w-md rounded border border-gray-300 bg-white p-4">
            <AddThemeForm />
          </div>
        )}
      </section>
    </div>
  );
}
