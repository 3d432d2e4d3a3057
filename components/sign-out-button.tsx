/** A plain form: works without JavaScript and adds nothing to the page's scripts (app/sign-out/route.ts). */
export function SignOutButton() {
  return (
    <form method="post" action="/sign-out">
      <button type="submit" className="rounded border border-white px-3 py-1.5 text-white hover:bg-brand-700">
        Sign out
      </button>
    </form>
  );
}
