import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { getChild } from "@/lib/children/children";
import { listSchools } from "@/lib/children/schools";
import { placementsForAllocation } from "@/lib/children/allocations";
import { formatDate, formatDateTime, todayInUk } from "@/lib/dates";
import { SummaryList } from "@/components/summary-list";
import { PageHeader } from "@/components/page-header";
import { ALLOCATION_KIND_LABELS, CONSENT_LABELS, REFERRAL_DECISION_LABELS } from "@/lib/validations/children";
import { DecideReferralForm, RecordReferralForm } from "./referral-forms";
import { AllocateChildForm, EndAllocationButton } from "./allocation-forms";
import { AnonymiseButton } from "./anonymise-button";
import { RaiseConcernForm } from "@/app/safeguarding/raise-concern-form";

export const metadata: Metadata = { title: "Child" };
export const dynamic = "force-dynamic";

export default async function ChildPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const record = await loadOrNotFound(() => getChild(user, id));
  const { child, permissions } = record;
  const identifiable = child.name !== null;
  const today = todayInUk();
  // One after the other: the embedded database serves one query at a time.
  const schools = permissions.canRecordReferral ? await listSchools(user) : [];
  const placements = permissions.canAllocate ? await placementsForAllocation(user) : [];

  return (
    <div className="space-y-8">
      <PageHeader trail={[{ href: "/children", label: "Children" }]} title={child.label}>
        <p className="text-muted">
          {[child.schoolName, child.yearGroup !== null ? `Year ${child.yearGroup}` : null].filter(Boolean).join(" · ")}
        </p>
        {child.anonymised && (
          <p className="mt-2 border-l-4 border-gray-700 bg-gray-100 p-3">
            This record has been anonymised after its retention period.
          </p>
        )}
        {!identifiable && !child.anonymised && (
          <p className="mt-2 border-l-4 border-brand-600 bg-brand-50 p-3">
            You see this child by code only. Names are shown to the people working with the child.
          </p>
        )}
      </PageHeader>

      {identifiable && (
        <section aria-labelledby="identity-heading">
          <h2 id="identity-heading" className="mb-3 text-xl font-bold">
            About the child
          </h2>
          <SummaryList
            rows={[
              ["Name", child.name],
              ["Code", child.code],
              ["Date of birth", formatDate(child.dateOfBirth)],
              ["School", child.schoolName ?? "—"],
              ["Year group", child.yearGroup ?? "—"],
              ["Record kept until", formatDate(record.retainUntil)],
            ]}
          />
          <h3 className="mb-2 mt-4 text-lg font-semibold">Parents and carers</h3>
          {record.contacts.length === 0 ? (
            <p className="text-muted">None recorded.</p>
          ) : (
            <ul className="divide-y divide-gray-200 rounded border border-gray-300 bg-white">
              {record.contacts.map((contact) => (
                <li key={contact.id} className="px-4 py-2">
                  <span className="font-semibold">{contact.name}</span> ({contact.relationship}) —{" "}
                  {CONSENT_LABELS[contact.consent]}
                  {contact.consentRecordedOn && `, ${formatDate(contact.consentRecordedOn)}`}
                  {contact.phone && <span className="block text-sm text-muted">Phone: {contact.phone}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {identifiable && (
        <section aria-labelledby="referrals-heading">
          <h2 id="referrals-heading" className="mb-3 text-xl font-bold">
            Referrals
          </h2>
          {record.referrals.length === 0 && <p className="mb-3 text-muted">No referrals recorded.</p>}
          <ul className="space-y-3">
            {record.referrals.map((referral) => (
              <li key={referral.id} className="rounded border border-gray-300 bg-white p-4">
                <p className="font-semibold">
                  {formatDate(referral.receivedOn)} from {referral.referrerName} ({referral.referrerRole})
                  {referral.schoolName ? `, ${referral.schoolName}` : ""}
                </p>
                <p className="mt-1 whitespace-pre-line">{referral.reason}</p>
                <p className="mt-1 text-sm">
                  Parent or carer: {CONSENT_LABELS[referral.parentConsent]} · Child&apos;s agreement:{" "}
                  {referral.childAgreement ? "given" : "not yet"}
                </p>
                <p className="mt-1 text-sm font-semibold">
                  Decision: {REFERRAL_DECISION_LABELS[referral.decision]}
                  {referral.decidedOn && ` on ${formatDate(referral.decidedOn)}`}
                  {referral.decidedByName && ` by ${referral.decidedByName}`}
                  {referral.decisionReason && ` — ${referral.decisionReason}`}
                </p>
                {referral.canDecide && <DecideReferralForm childId={child.id} referralId={referral.id} today={today} />}
              </li>
            ))}
          </ul>
          {permissions.canRecordReferral && (
            <details className="mt-3 rounded border border-gray-300 bg-white p-4">
              <summary className="cursor-pointer font-semibold text-brand-700">Record a referral</summary>
              <div className="mt-4">
                <RecordReferralForm
                  childId={child.id}
                  schools={schools.map((school) => ({ value: school.id, label: school.name }))}
                  today={today}
                />
              </div>
            </details>
          )}
        </section>
      )}

      <section aria-labelledby="work-heading">
        <h2 id="work-heading" className="mb-3 text-xl font-bold">
          Work with the child
        </h2>
        {record.allocations.length === 0 && <p className="mb-3 text-muted">Not allocated to a student.</p>}
        <ul className="space-y-3">
          {record.allocations.map((allocation) => (
            <li key={allocation.id} className="rounded border border-gray-300 bg-white p-4">
              <p className="font-semibold">
                {ALLOCATION_KIND_LABELS[allocation.kind]} with {allocation.studentName}
                {allocation.groupLabel && ` (group: ${allocation.groupLabel})`} —{" "}
                {allocation.status === "ACTIVE" ? "current" : `ended ${formatDate(allocation.endDate)}`}
              </p>
              <p className="text-sm text-muted">
                From {formatDate(allocation.startDate)} · overseen by {allocation.overseeingPeName}
              </p>
              {allocation.needsPeSignOff && (
                <p className="mt-1 text-sm font-semibold text-amber-900">
                  Waiting for the practice educator&apos;s sign-off before work starts (on the life story work page).
                </p>
              )}
              <p className="mt-2 flex flex-wrap gap-4">
                {allocation.kind === "DIRECT_WORK" && (
                  <Link
                    href={
                      allocation.programmeId
                        ? `/programmes/${allocation.programmeId}`
                        : `/programmes/new?allocationId=${allocation.id}`
                    }
                    className="text-brand-700 underline"
                  >
                    {allocation.programmeId ? "Open the programme of sessions" : "Agree a plan of sessions"}
                  </Link>
                )}
                {allocation.assessmentId && (
                  <Link href={`/assessments/${allocation.assessmentId}`} className="text-brand-700 underline">
                    Open the assessment
                  </Link>
                )}
                {allocation.lifeStoryId && (
                  <Link href={`/life-story/${allocation.lifeStoryId}`} className="text-brand-700 underline">
                    Open the life story work
                  </Link>
                )}
              </p>
              {allocation.canEnd && (
                <div className="mt-2">
                  <EndAllocationButton childId={child.id} allocationId={allocation.id} today={today} />
                </div>
              )}
            </li>
          ))}
        </ul>
        {permissions.canAllocate && (
          <details className="mt-3 rounded border border-gray-300 bg-white p-4">
            <summary className="cursor-pointer font-semibold text-brand-700">Allocate to a student</summary>
            <div className="mt-4">
              <AllocateChildForm
                childId={child.id}
                placements={placements.map((placement) => ({
                  value: placement.id,
                  label: `${placement.studentName} — ${placement.setting}`,
                }))}
                today={today}
              />
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="safeguarding-heading">
        <h2 id="safeguarding-heading" className="mb-3 text-xl font-bold">
          Safeguarding
        </h2>
        {record.safeguarding.length === 0 ? (
          <p className="text-muted">No safeguarding concerns raised here.</p>
        ) : (
          <ul className="space-y-3">
            {record.safeguarding.map((concern) => (
              <li
                key={concern.id}
                className={`rounded border bg-white p-4 ${concern.status === "OPEN" ? "border-l-8 border-red-800" : "border-gray-300"}`}
              >
                <p className="font-semibold">
                  {concern.status === "OPEN" ? "Open concern" : "Action recorded"} — raised{" "}
                  {formatDateTime(new Date(concern.raisedAt))} by {concern.raisedByName}
                </p>
                <p className="mt-1 whitespace-pre-line">{concern.description}</p>
                {concern.actionTaken && (
                  <p className="mt-1 text-sm">
                    <span className="font-semibold">
                      Action taken{concern.actionRecordedByName ? ` (${concern.actionRecordedByName})` : ""}:{" "}
                    </span>
                    {concern.actionTaken}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        {permissions.canRaiseConcern && (
          <details className="mt-3 rounded border border-gray-300 bg-white p-4">
            <summary className="cursor-pointer font-semibold text-red-800">Raise a safeguarding concern</summary>
            <div className="mt-4">
              <RaiseConcernForm childId={child.id} sourceEntity="Child" sourceId={child.id} />
            </div>
          </details>
        )}
      </section>

      {permissions.answersForRecord && (
        <section aria-labelledby="data-heading" className="rounded border border-gray-300 bg-white p-4">
          <h2 id="data-heading" className="mb-3 text-xl font-bold">
            Data protection
          </h2>
          <ul className="space-y-2">
            <li>
              <Link href={`/children/${child.id}/viewers`} className="text-brand-700 underline">
                Who has viewed this record
              </Link>
            </li>
            <li>
              <a href={`/api/v1/children/${child.id}/export`} className="text-brand-700 underline" download>
                Export everything held about this child (subject access request)
              </a>
            </li>
          </ul>
          {permissions.canAnonymise ? (
            <div className="mt-3">
              <AnonymiseButton childId={child.id} />
            </div>
          ) : (
            !child.anonymised && (
              <p className="mt-3 text-sm text-muted">
                This record can be anonymised after {formatDate(record.retainUntil)}, when its retention period ends.
              </p>
            )
          )}
        </section>
      )}
    </div>
  );
}
