import type { SessionUser } from "@/lib/auth/session-user";
import {
  canAnswerPanelReturn,
  canCreatePanel,
  canDecideOnPanelItem,
  canManagePanel,
  canReadPanelSample,
  panelsVisibleTo,
  type PanelForAccess,
} from "./panels";

const person = (id: string, role: SessionUser["role"], organisationId: string): SessionUser => ({
  id,
  email: `${id}@example.org`,
  name: id,
  role,
  organisationId,
});
const lead = person("lead", "UNIVERSITY_TUTOR", "uniA");
const member = person("member", "UNIVERSITY_TUTOR", "uniA");
const colleague = person("colleague", "UNIVERSITY_TUTOR", "uniA");
const otherUniversityTutor = person("lead", "UNIVERSITY_TUTOR", "uniB");
const pe = person("pe", "PRACTICE_EDUCATOR", "team");

const panel = (status: PanelForAccess["status"]): PanelForAccess => ({
  universityId: "uniA",
  status,
  members: [
    { userId: "lead", role: "LEAD" },
    { userId: "member", role: "MEMBER" },
  ],
});

describe("panel access", () => {
  it("lets members read the sample only while the panel is open", () => {
    expect(canReadPanelSample(member, panel("OPEN"))).toBe(true);
    expect(canReadPanelSample(member, panel("PLANNED"))).toMatch(/not opened yet/);
    expect(canReadPanelSample(member, panel("CLOSED"))).toMatch(/has closed/);
    expect(canReadPanelSample(colleague, panel("OPEN"))).toMatch(/Only the panel's members/);
  });

  it("refuses another university's tutor even with the same user id as the lead", () => {
    expect(canReadPanelSample(otherUniversityTutor, panel("OPEN"))).not.toBe(true);
    expect(canDecideOnPanelItem(otherUniversityTutor, panel("OPEN"))).not.toBe(true);
    expect(canManagePanel(otherUniversityTutor, panel("PLANNED"))).not.toBe(true);
    expect(panelsVisibleTo(otherUniversityTutor)).toEqual({ universityId: "uniB" });
  });

  it("lets only the lead decide, and only while open", () => {
    expect(canDecideOnPanelItem(lead, panel("OPEN"))).toBe(true);
    expect(canDecideOnPanelItem(member, panel("OPEN"))).toMatch(/Only the panel's lead/);
    expect(canDecideOnPanelItem(lead, panel("PLANNED"))).not.toBe(true);
    expect(canDecideOnPanelItem(lead, panel("CLOSED"))).not.toBe(true);
  });

  it("keeps a closed panel as a record nobody changes", () => {
    expect(canManagePanel(lead, panel("PLANNED"))).toBe(true);
    expect(canManagePanel(lead, panel("OPEN"))).toBe(true);
    expect(canManagePanel(lead, panel("CLOSED"))).toMatch(/closed/);
  });

  it("gives panels to tutors only", () => {
    expect(canCreatePanel(lead)).toBe(true);
    expect(canCreatePanel(pe)).toBe(false);
    expect(panelsVisibleTo(pe)).toEqual({ id: { in: [] } });
  });

  it("lets the assessing PE answer a return, nobody else", () => {
    expect(canAnswerPanelReturn(pe, { practiceEducatorId: "pe" })).toBe(true);
    expect(canAnswerPanelReturn(pe, { practiceEducatorId: "someone-else" })).not.toBe(true);
    expect(canAnswerPanelReturn(lead, { practiceEducatorId: "lead" })).not.toBe(true);
  });
});
