"use client";
import { useRouter } from "next/navigation";
import { ActionButton } from "@/components/action-button";
import { endSessionAction, signOutEverywhereAction } from "./actions";

export function SessionButtons({
  sessionId,
  current,
  device,
}: {
  sessionId: string;
  current: boolean;
  device: string;
}) {
  const router = useRouter();
  return (
    <ActionButton
      action={() => endSessionAction(sessionId)}
      onDone={(data) => {
        if ((data as { signedOut?: boolean }).signedOut) router.replace("/sign-in");
        else router.refresh();
      }}
    >
      Sign out<span className="sr-only"> {current ? "this browser" : device}</span>
    </ActionButton>
  );
}

export function SignOutEverywhereButton() {
  const router = useRouter();
  return (
    <ActionButton
      variant="primary"
      confirm="Sign out on every device, this one included?"
      action={signOutEverywhereAction}
      onDone={() => router.replace("/sign-in")}
    >
      Sign out everywhere
    </ActionButton>
  );
}
