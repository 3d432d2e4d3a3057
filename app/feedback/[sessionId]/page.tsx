import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { openFeedbackInPerson } from "@/lib/children/direct-work/feedback";
import { submitFeedbackInPersonAction } from "@/app/programmes/actions";
import { ChildFeedbackScreen } from "../child-screen";

// Tablet mode: the signed-in student hands the tablet to the child. The page
// checks the student may ask for feedback on this session and passes the
// screen nothing about the child.
export const metadata: Metadata = { title: { absolute: "How was your session?" } };
export const dynamic = "force-dynamic";

export default async function ChildFeedbackInPersonPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const user = await requireUser();
  const { sessionId } = await params;
  const { programmeId } = await loadOrNotFound(() => openFeedbackInPerson(user, sessionId));
  return (
    <ChildFeedbackScreen
      mode="child"
      send={submitFeedbackInPersonAction.bind(null, sessionId)}
      backHref={`/programmes/${programmeId}/sessions/${sessionId}`}
    />
  );
}
