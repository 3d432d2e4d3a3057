"use client";
import { AddendumForm } from "@/components/addendum-form";
import { addSupervisionAddendumAction } from "../actions";

/** A correction or later note on a signed record. */
export function SupervisionAddendumForm({ recordId }: { recordId: string }) {
  return <AddendumForm action={(values) => addSupervisionAddendumAction(recordId, values)} />;
}
