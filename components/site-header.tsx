import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ROLE_LABELS } from "@/lib/validations/user";
import { menuFor } from "@/lib/access/navigation";
import { SignOutButton } from "@/components/sign-out-button";
import { NotificationsLink } from "@/components/notifications-link";
import { HeaderSearch } from "@/components/header-search";
import { HeaderMenu } from "@/components/header-menu";
import { OfflineBanner } from "@/components/offline/offline-banner";
import { offlineKeepDays } from "@/lib/offline/keep-days";

export async function SiteHeader() {
  const user = await getCurrentUser();
  const links: Array<{ href: string; label: string }> = [];
  const menu = user ? menuFor(user) : null;
  if (user && menu) {
    links.push({ href: "/", label: "Home" });
    if (menu.placements) links.push({ href: "/placements", label: "Placements" });
    if (menu.children)
      links.push(
        { href: "/caseload", label: menu.ownCaseload ? "My caseload" : "Caseloads" },
        { href: "/children", label: "Children" },
      );
    if (menu.safeguarding)
      links.push(
        { href: "/safeguarding", label: "Safeguarding" },
        { href: "/team/suggestions", label: "Children's suggestions" },
      );
    if (menu.schoolRequests) links.push({ href: "/school", label: "Requests for support" });
    if (menu.schoolRequestTriage) links.push({ href: "/school-requests", label: "School requests" });
    if (menu.impactReport) links.push({ href: "/reports/impact", label: "Impact" });
    if (menu.cohortCoverage) links.push({ href: "/cohort-coverage", label: "Cohort coverage" });
    if (menu.ratification) links.push({ href: "/ratification", label: "Ratification" });
    if (menu.panels) links.push({ href: "/panels", label: "Panels" });
    if (menu.qapl) links.push({ href: "/qapl", label: "QAPL" });
    if (menu.peRegister) links.push({ href: "/pe-register", label: "PE register" });
    if (menu.accounts) links.push({ href: "/admin/users", label: "People" });
    if (menu.frameworks) links.push({ href: "/admin/frameworks", label: "Frameworks" });
    if (menu.apiTokens) links.push({ href: "/admin/api-tokens", label: "API tokens" });
    if (menu.universities) links.push({ href: "/admin/universities", label: "Universities" });
    if (menu.auditLog) links.push({ href: "/admin/audit", label: "Audit log" });
    // The forms that work without a signal (docs/decisions/0015-offline.md).
    if (user.role === "STUDENT" || user.role === "PRACTICE_EDUCATOR")
      links.push({ href: "/offline", label: "Work offline" });
  }
  return (
    <>
      <header className="no-print border-b-4 border-brand-600 bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2 sm:px-6 md:py-3">
          <Link href="/" className="text-lg font-bold tracking-tight text-white no-underline">
            Placement Tracker
          </Link>
          {user && (
            <HeaderMenu>
              {/* A real basis: with basis 0 the nav would shrink to one link per line beside the search box instead of wrapping the row. */}
              <nav
                aria-label="Main"
                className="grid min-w-0 grid-cols-2 gap-x-4 gap-y-1 md:flex md:flex-1 md:basis-[32rem] md:flex-wrap"
              >
                {links.map((link) => (
                  <Link
                    key={link.href}
                    href={link.href}
                    className="rounded px-1 py-1.5 text-white underline-offset-4 hover:underline md:py-1"
                  >
                    {link.label}
                  </Link>
                ))}
              </nav>
              {menu?.search && <HeaderSearch />}
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <NotificationsLink user={user} />
                <Link href="/account" className="text-white no-underline hover:underline">
                  {/* The visible name and role stay inside the accessible name, so speech users can say what they see (WCAG 2.5.3). */}
                  <span className="sr-only">Your account: </span>
                  <span className="font-semibold">{user.name}</span>
                  <span className="block text-brand-100">{ROLE_LABELS[user.role]}</span>
                </Link>
                <SignOutButton />
              </div>
            </HeaderMenu>
          )}
        </div>
      </header>
      <OfflineBanner userId={user?.id ?? null} keepDays={offlineKeepDays()} />
    </>
  );
}
