"use client";
import { ActionButton } from "@/components/action-button";
import { endSessionsOfPersonAction, resendInvitationAction, revokeInvitationAction } from "../actions";

/** The admin's buttons for a person's access: their invitation and their sessions. */
export function AccountAccessButtons(props: {
  userId: string;
  invited: boolean;
  hasInvitation: boolean;
  sessions: number;
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
    </div>
  );
}
