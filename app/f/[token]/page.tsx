import type { Metadata } from "next";
import { feedbackLinkState } from "@/lib/children/direct-work/feedback";
import { submitFeedbackWithLinkAction } from "@/app/programmes/actions";
import { ChildFeedbackScreen, ChildScreenMessage } from "@/app/feedback/child-screen";

// A carer's one-time link. No sign-in: pages call requireUser themselves
// (proxy.ts only checks where a state-changing request comes from), and this
// one deliberately does not. The token is the only permission; the page
// learns only whether it can still be used.
export const metadata: Metadata = {
  title: { absolute: "How was the session?" },
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};
export const dynamic = "force-dynamic";

export default async function CarerFeedbackPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await feedbackLinkState(token);
  if (state === "USED")
    return (
      <ChildScreenMessage
        title="This link has been used"
        text="Thank you: an answer has already been sent with this link. If you want to say more, ask the student social worker for a new link."
      />
    );
  if (state === "EXPIRED")
    return (
      <ChildScreenMessage
        title="This link has expired"
        text="Links work for 7 days. Please ask the student social worker for a new one."
      />
    );
  if (state === "UNKNOWN")
    return (
      <ChildScreenMessage
        title="This link does not work"
        text="Please check you have the whole link, or ask the student social worker for a new one."
      />
    );
  return <ChildFeedbackScreen mode="carer" send={submitFeedbackWithLinkAction.bind(null, token)} />;
}
