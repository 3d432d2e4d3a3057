"use client";
import { ActionButton } from "@/components/action-button";
import { setPanelLeadAction } from "../actions";

/** Gives or takes away a tutor's panel lead permission (docs/domain.md "Practice Assessment Panels"). */
export function PanelLeadToggle(props: { userId: string; name: string; panelLead: boolean; version: number }) {
  return (
    <ActionButton
      action={() => setPanelLeadAction(props.userId, { panelLead: !props.panelLead, version: props.version })}
      confirm={
        props.panelLead
          ? `Take away ${props.name}'s panel lead permission? They keep leading nothing new: they can no longer set up panels or draw samples.`
          : `Let ${props.name} set up practice assessment panels and draw their samples?`
      }
    >
      {props.panelLead ? "Take away panel lead" : "Make panel lead"}
      <span className="sr-only">: {props.name}</span>
    </ActionButton>
  );
}
