import type { SessionUser } from "@/lib/auth/session-user";
import {
  canAnswerPanelReturn,
  canCreatePanel,
  canDecideOnPanelItem,
  canGrantPanelLead,
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

  it("lets only tutors with the panel lead permission set panels up", () => {
    expect(canCreatePanel({ ...lead, panelLead: true })).toBe(true);
    expect(canCreatePanel(lead)).toBe(false);
    expect(canCreatePanel({ ...pe, panelLead: true })).toBe(false);
    expect(canManagePanel({ ...lead, panelLead: false }, panel("PLANNED"))).toMatch(/taken away/);
  });

  it("grants the permission through the team manager or a panel lead of the same university", () => {
    const target = { role: "UNIVERSITY_TUTOR", organisationId: "uniA", active: true };
    expect(canGrantPanelLead(person("admin", "ADMIN", "team"), target)).toBe(true);
    expect(canGrantPanelLead({ ...lead, panelLead: true }, target)).toBe(true);
    expect(canGrantPanelLead(lead, target)).toMatch(/Only the team manager/);
    expect(canGrantPanelLead({ ...otherUniversityTutor, panelLead: true }, target)).toMatch(/Only the team manager/);
    expect(canGrantPanelLead(person("admin", "ADMIN", "team"), { ...target, role: "STUDENT" })).toMatch(/tutor/);
  });

  it("shows a PE or a panel's guest only the open panels they sit on, never the sample otherwise", () => {
    const examiner = person("examiner", "EXTERNAL_EXAMINER", "uniA");
    const representative = person("rep", "SERVICE_USER_REPRESENTATIVE", "uniA");
    expect(panelsVisibleTo(pe)).toEqual({ status: "OPEN", members: { some: { userId: "pe", role: "MEMBER" } } });
    expect(panelsVisibleTo(examiner)).toMatchObject({ universityId: "uniA", status: "OPEN" });
    const withGuests: PanelForAccess = {
      ...panel("OPEN"),
      members: [...panel("OPEN").members, { userId: "examiner", role: "MEMBER" }, { userId: "rep", role: "MEMBER" }],
    };
    expect(canReadPanelSample(examiner, withGuests)).toBe(true);
    expect(canReadPanelSample(representative, withGuests)).toBe(true);
    expect(canReadPanelSample(examiner, { ...withGuests, status: "CLOSED" })).not.toBe(true);
    expect(canReadPanelSample(person("examiner", "EXTERNAL_EXAMINER", "uniB"), withGuests)).not.toBe(true);
    expect(canDecideOnPanelItem(examiner, withGuests)).not.toBe(true);
    expect(canManagePanel(representative, withGuests)).not.toBe(true);
    expect(panelsVisibleTo(person("leader", "LEADERSHIP", "team"))).toEqual({ id: { in: [] } });
  });

  it("lets the assessing PE answer a return, nobody else", () => {
    expect(canAnswerPanelReturn(pe, { practiceEducatorId: "pe" })).toBe(true);
    expect(canAnswerPanelReturn(pe, { practiceEducatorId: "someone-else" })).not.toBe(true);
    expect(canAnswerPanelReturn(lead, { practiceEducatorId: "lead" })).not.toBe(true);
  });
});
