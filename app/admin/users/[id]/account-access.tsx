"use client";
import { ActionButton } from "@/components/action-button";
import {
  endSessionsOfPersonAction,
  resendInvitationAction,
  resetTwoFactorAction,
  revokeInvitationAction,
} from "../actions";

/** The admin's buttons for a person's access: their invitation and their sessions. */
export function AccountAccessButtons(props: {
  userId: string;
  invited: boolean;
  hasInvitation: boolean;
  sessions: number;
  twoFactor: boolean;
}) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      {props.invited && (
        <div>
          <ActionButton action={() => resendInvitationAction(props.userId)}>
            {props.hasInvitation ? "Send a new invitation" : "Send an invitation"}
          </ActionButton>
        </div>
      )}
      {props.hasInvitation && (
        <div>
          <ActionButton
            variant="danger"
            confirm="Withdraw the invitation? Its link will stop working."
            action={() => revokeInvitationAction(props.userId)}
          >
            Withdraw the invitation
          </ActionButton>
        </div>
      )}
      {props.sessions > 0 && (
        <div>
          <ActionButton
            confirm="Sign this person out on every device?"
            action={() => endSessionsOfPersonAction(props.userId)}
          >
            Sign out everywhere
          </ActionButton>
        </div>
      )}
      {props.twoFactor && (
        <div>
          <ActionButton
            variant="danger"
            confirm="Reset this person's two-factor sign-in? Their app and recovery codes stop working, they are signed out, and they set it up again at their next sign-in."
            action={() => resetTwoFactorAction(props.userId)}
          >
            Reset two-factor sign-in
          </ActionButton>
        </div>
      )}
    </div>
  );
}
