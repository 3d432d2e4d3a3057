"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/sign-in" })} className="rounded border border-white px-3 py-1.5 text-white hover:bg-brand-700">
      Sign out
    </button>
  );
}
