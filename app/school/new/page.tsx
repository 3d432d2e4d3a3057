import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { canRequestSupport } from "@/lib/access/schools";
import { todayInUk } from "@/lib/dates";
import { PageHeader } from "@/components/page-header";
import { RequestSupportForm } from "./request-form";

export const metadata: Metadata = { title: "Ask for support for a pupil" };
export const dynamic = "force-dynamic";

export default async function NewSchoolRequestPage() {
  const user = await requireUser();
  if (!canRequestSupport(user)) notFound();
  return (
    <div className="space-y-4">
      <PageHeader trail={[{ href: "/school", label: "Requests for support" }]} title="Ask for support for a pupil" />
      <p className="max-w-2xl">
        A student social worker, supervised by a qualified practice educator, can work with the pupil in school, usually
        for six weekly sessions. The team decides within a few days and you will see the answer on your list. If you are
        worried a child is at risk of harm, follow your school&apos;s safeguarding procedures now: this form is not for
        emergencies.
      </p>
      <RequestSupportForm today={todayInUk()} />
    </div>
  );
}
