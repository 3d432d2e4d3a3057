import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { PageHeader } from "@/components/page-header";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change your password" };
export const dynamic = "force-dynamic";

export default async function ChangePasswordPage() {
  await requireUser();
  return (
    <div className="max-w-xl">
      <div className="mb-6">
        <PageHeader trail={[{ href: "/account", label: "Your account" }]} title="Change your password" />
      </div>
      <ChangePasswordForm />
    </div>
  );
}
