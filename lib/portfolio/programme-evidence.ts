import "server-only";
import { allocationsVisibleTo } from "@/lib/access/children";
import { isStudentOf, placementOpenForPortfolio } from "@/lib/access/portfolio";
import { command, parseId } from "@/lib/core/command";
import { conflict, notFound } from "@/lib/errors";
import { fromIsoDate, toIsoDate } from "@/lib/dates";
import { portfolioPlacement } from "@/lib/portfolio/portfolio-scope";
import { programmeEvidenceDraft } from "@/lib/portfolio/programme-draft";

// Direct work feeds the portfolio (docs/domain.md, "Direct work into the
// portfolio"): from a closed programme the allocated student makes an
// evidence draft, prefilled from the session records with the child by code
// only, linked back to the programme. The draft then goes through the usual
// evidence rules: the student maps it to PCF domains, the name check runs on
// every save, the PE reviews it, the tutor reads it by code.

/** The allocated student turns a closed programme into a draft; once per programme. */
export const draftEvidenceFromProgramme = command({
  parse: (programmeId: string) => ({ programmeId: parseId(programmeId, "That programme") }),
  async load({ tx, user }, { programmeId }) {
    const programme = await tx.directWorkProgramme.findFirst({
      where: { id: programmeId, allocation: allocationsVisibleTo(user) },
      include: {
        allocation: {
          select: {
            placementId: true,
            studentId: true,
            child: { select: { code: true, firstName: true, lastName: true } },
          },
        },
        sessions: { orderBy: { number: "asc" } },
        goals: { orderBy: { number: "asc" } },
      },
    });
    if (!programme) throw notFound("That programme");
    return programme;
  },
  allow: (user, programme) =>
    isStudentOf(user, programme.allocation) || "Only the student who ran the programme turns it into evidence.",
  async run({ tx, user, audit }, programme) {
    if (!programme.closedAt) throw conflict("Close the programme first: the evidence sums up the whole of the work.");
    const placement = await portfolioPlacement(tx, user, programme.allocation.placementId);
    if (!placementOpenForPortfolio(placement))
      throw conflict("This placement has finished: its portfolio is read-only.");
    const existing = await tx.evidenceItem.findFirst({
      where: { placementId: placement.id, sourceProgrammeId: programme.id },
      select: { id: true },
    });
    if (existing) return { id: existing.id, created: false };
    const draft = programmeEvidenceDraft({
      child: programme.allocation.child,
      plannedSessions: programme.plannedSessions,
      startDate: toIsoDate(programme.startDate),
      endDate: toIsoDate(programme.endDate),
      closedOn: toIsoDate(programme.closedAt),
      sessions: programme.sessions.map((session) => ({
        number: session.number,
        plannedOn: toIsoDate(session.plannedOn),
        heldOn: session.heldOn ? toIsoDate(session.heldOn) : null,
        theme: session.theme,
        status: session.status,
        whatWasDone: session.whatWasDone,
        studentReflection: session.studentReflection,
      })),
      goals: programme.goals,
    });
    const item = await tx.evidenceItem.create({
      data: {
        placementId: placement.id,
        authorId: user.id,
        title: draft.title,
        occurredOn: fromIsoDate(draft.occurredOn),
        type: "REFLECTIVE_LOG",
        body: draft.body,
        childCode: draft.childCode,
        sourceProgrammeId: programme.id,
      },
    });
    // The body is the student's words about the child: the audit says where it came from, not what it says.
    await audit.entry("CREATE", "EvidenceItem", item.id, {
      title: item.title,
      status: item.status,
      childCode: item.childCode,
      sourceProgrammeId: programme.id,
    });
    return { id: item.id, created: true };
  },
});
