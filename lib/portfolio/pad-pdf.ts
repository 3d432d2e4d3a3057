import "server-only";
import { formatDate, formatDateTime } from "@/lib/dates";
import { PdfReport } from "@/lib/pdf/document";
import type { SessionUser } from "@/lib/auth/session-user";
import { getPad, type Pad } from "@/lib/portfolio/pad";

// The Practice Assessment Document as a paginated PDF, part by part in the
// order of the printed view (app/placements/[id]/pad).

const minutes = (total: number) => {
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  return hours ? `${hours} h${rest ? ` ${rest} min` : ""}` : `${rest} min`;
};

const signedAt = (iso: string | null) => (iso ? formatDateTime(new Date(iso)) : "Not signed yet");

/** "PAD-Amira-Hussain-2026-11-23.pdf": ASCII only, so every browser keeps it. */
export function padFileName(pad: Pad): string {
  const name = pad.frontSheet.studentName
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `PAD-${name || "student"}-${pad.generatedOn}.pdf`;
}

export function renderPadPdf(pad: Pad): Promise<Buffer> {
  const front = pad.frontSheet;
  const pdf = new PdfReport({
    title: `Practice Assessment Document: ${front.studentName}`,
    footerNote: `Printed ${formatDate(pad.generatedOn)} · Placement Tracker · children are referred to by code only`,
  });

  pdf.title("Practice Assessment Document", `${front.studentName} · ${front.level} · ${front.setting}`);

  pdf.heading("1. Front sheet");
  pdf.facts([
    ["Student", front.studentName],
    ["University", front.universityName],
    ["Programme", [front.programmeName, front.cohortName].filter(Boolean).join(", ")],
    ["Level", front.level],
    ["Placement", `${front.setting}, ${front.teamName}`],
    ["Dates", `${formatDate(front.startDate)} to ${formatDate(front.endDate)}`],
    ["Days", `${front.daysCompleted} of ${front.daysRequired} required placement days completed`],
    [
      "Practice educator",
      front.practiceEducators
        .map(
          (spell) =>
            `${spell.name}${spell.pepsStage ? ` (${spell.pepsStage})` : ""}, ${formatDate(spell.from)} to ${spell.to ? formatDate(spell.to) : "date"}`,
        )
        .join("\n"),
    ],
    ["On-site supervisor", front.onsiteSupervisorName ?? "None"],
    ["University tutor", front.tutorName ?? "None"],
    ["PE recommendation", front.recommendation ?? "Not made yet"],
  ]);

  pdf.heading("2. Practice learning agreement");
  if (!pad.learningAgreement) pdf.paragraph("", { empty: "The learning agreement meeting has not been recorded." });
  else {
    const meeting = pad.learningAgreement;
    pdf.labelled("Held on", formatDate(meeting.heldOn));
    pdf.labelled("Present", meeting.attendees.join(", "));
    for (const [label, text] of [
      ["Learning needs", meeting.learningNeeds],
      ["Learning opportunities promised", meeting.learningOpportunities],
      ["Reasonable adjustments", meeting.reasonableAdjustments],
      ["Supervision arrangements", meeting.supervisionArrangements],
      ["Notes", meeting.notes],
    ] as const) {
      pdf.heading(label, 3);
      pdf.paragraph(text, { empty: "None recorded." });
    }
  }

  pdf.heading("3. Index of evidence");
  pdf.table(
    [
      { header: "Date", width: 0.14 },
      { header: "Title", width: 0.32 },
      { header: "Type", width: 0.16 },
      { header: "Status", width: 0.14 },
      { header: "Capabilities", width: 0.24 },
    ],
    pad.evidence.map((item) => [
      formatDate(item.occurredOn),
      `${item.title}${item.childCode ? ` (child ${item.childCode})` : ""}`,
      item.type,
      item.status,
      item.capabilities.map((group) => `${group.framework}: ${group.capabilities.join("; ")}`).join("\n") || "—",
    ]),
    { empty: "No evidence submitted yet." },
  );

  pdf.heading("4. Direct observations");
  if (pad.observations.length === 0) pdf.paragraph("", { empty: "No direct observations recorded." });
  pad.observations.forEach((observation, index) => {
    pdf.heading(`Observation ${index + 1}: ${formatDate(observation.observedOn)}, ${observation.activity}`, 2);
    pdf.labelled("Observer", `${observation.observerName} (${observation.observerRole})`);
    pdf.heading("Student's preparation", 3);
    pdf.paragraph(observation.preparationNote, { empty: "None recorded." });
    pdf.heading("Observer's feedback", 3);
    pdf.paragraph(observation.feedback, { empty: "Feedback not recorded yet." });
    if (observation.domains.length) {
      pdf.table(
        [
          { header: "PCF domain", width: 0.35 },
          { header: "Feedback on the domain", width: 0.65 },
        ],
        observation.domains.map((domain) => [domain.label, domain.note || "—"]),
      );
    }
    pdf.heading("Student's reflection", 3);
    pdf.paragraph(observation.reflection, { empty: "No reflection written yet." });
  });

  pdf.heading("5. Less formal observations");
  if (pad.lessFormalObservations.length === 0)
    pdf.paragraph("", { empty: "No professional feedback in the portfolio." });
  for (const item of pad.lessFormalObservations) {
    pdf.heading(`${formatDate(item.occurredOn)}: ${item.title}`, 3);
    pdf.paragraph(item.body, { empty: "No text." });
  }

  pdf.heading("6. Service user and carer feedback");
  if (pad.serviceUserFeedback.length === 0)
    pdf.paragraph("", { empty: "No child or family feedback in the portfolio." });
  for (const item of pad.serviceUserFeedback) {
    pdf.heading(
      `${formatDate(item.occurredOn)}: ${item.title}${item.childCode ? ` (child ${item.childCode})` : ""}`,
      3,
    );
    pdf.paragraph(item.body, { empty: "No text." });
  }

  pdf.heading("7. Critical reflection");
  pdf.paragraph(pad.criticalReflection?.text, { empty: "The student has not written their reflective summary yet." });
  if (pad.criticalReflection && !pad.criticalReflection.signed && pad.criticalReflection.text.trim())
    pdf.paragraph("Draft: the student has not signed yet.", { bold: true });

  pdf.heading("8. Midpoint review");
  if (!pad.midpoint) pdf.paragraph("", { empty: "The midpoint review has not been recorded." });
  else {
    const meeting = pad.midpoint;
    pdf.labelled("Held on", formatDate(meeting.heldOn));
    pdf.labelled("Present", meeting.attendees.join(", "));
    pdf.labelled(
      "Days completed at the review",
      meeting.daysCompletedAtMeeting === null ? null : String(meeting.daysCompletedAtMeeting),
    );
    pdf.labelled("Summary", meeting.recommendation);
    pdf.heading("Learning opportunities", 3);
    pdf.paragraph(meeting.learningOpportunities, { empty: "None recorded." });
    pdf.heading("Reasonable adjustments reviewed", 3);
    pdf.paragraph(meeting.reasonableAdjustments, { empty: "None recorded." });
    pdf.heading("Notes", 3);
    pdf.paragraph(meeting.notes, { empty: "None recorded." });
    if (meeting.actionPlan.trim()) {
      pdf.heading("Action plan", 3);
      pdf.paragraph(meeting.actionPlan);
    }
  }

  pdf.heading("9. Final report");
  const report = pad.finalReport;
  if (!report) pdf.paragraph("", { empty: "The final report has not been written yet." });
  else {
    pdf.labelled("Status", report.status);
    pdf.labelled("Recommendation", report.recommendation, "Not made yet");
    pdf.heading("Holistic assessment", 2);
    pdf.paragraph(report.holisticSummary, { empty: "Not written yet." });
    pdf.heading("Assessment against the PCF domains", 2);
    for (const domain of report.domains) {
      pdf.heading(domain.label, 3);
      pdf.paragraph(domain.text, { empty: "Not written yet." });
    }
    pdf.heading("Signatures", 2);
    pdf.table(
      [
        { header: "Role", width: 0.3 },
        { header: "Name", width: 0.35 },
        { header: "Signed", width: 0.35 },
      ],
      [
        ...report.signatures.map((signature) => [signature.role, signature.name, signedAt(signature.signedAt)]),
        ...(report.ratification.needed
          ? [
              [
                "Ratified by (PEPS stage 2)",
                report.ratification.name ?? "—",
                report.ratification.ratifiedAt
                  ? formatDateTime(new Date(report.ratification.ratifiedAt))
                  : "Not ratified yet",
              ],
            ]
          : []),
      ],
    );
  }

  pdf.heading("10. Professional development plan");
  pdf.paragraph(pad.developmentPlan, { empty: "Not written yet." });

  pdf.heading("Supervision log");
  pdf.paragraph(
    `${pad.supervision.sessions.length} signed supervision session${pad.supervision.sessions.length === 1 ? "" : "s"}, ${minutes(pad.supervision.totalMinutes)} in all.`,
  );
  pdf.table(
    [
      { header: "No.", width: 0.08 },
      { header: "Date", width: 0.3 },
      { header: "Type", width: 0.4 },
      { header: "Length", width: 0.22 },
    ],
    pad.supervision.sessions.map((session, index) => [
      String(index + 1),
      `${formatDate(session.heldOn)}, ${session.startTime}`,
      session.type,
      minutes(session.durationMinutes),
    ]),
    { empty: "No signed supervision records." },
  );

  if (pad.appendix) {
    pdf.pageBreak();
    pdf.heading(`Appendix: PCF level descriptors (${pad.appendix.levelLabel})`);
    pdf.paragraph(`${pad.appendix.frameworkName}, version ${pad.appendix.version}.`);
    pdf.table(
      [
        { header: "Domain", width: 0.3 },
        { header: `At the ${pad.appendix.levelLabel.toLowerCase()}`, width: 0.7 },
      ],
      pad.appendix.items.map((item) => [item.label, item.descriptor || "—"]),
    );
  }

  return pdf.toBuffer();
}

/** The PAD of one placement as a PDF, with the same access as the PAD itself. */
export async function padPdfFor(user: SessionUser, placementId: string) {
  const pad = await getPad(user, placementId);
  return { fileName: padFileName(pad), bytes: await renderPadPdf(pad) };
}
