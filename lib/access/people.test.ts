import { nameVisibleTo, personNameFor, type NamedPerson, type NameViewer } from "@/lib/access/people";

const TEAM = "team";
const UNI_A = "uni-a";
const UNI_B = "uni-b";

const tutorA: NameViewer = { id: "tutor-a", role: "UNIVERSITY_TUTOR", organisationId: UNI_A };
const studentA: NameViewer = { id: "student-a", role: "STUDENT", organisationId: UNI_A };
const pe: NameViewer = { id: "pe", role: "PRACTICE_EDUCATOR", organisationId: TEAM };

const peerFromA: NamedPerson = {
  id: "a2",
  name: "Asha Peer",
  role: "STUDENT",
  organisationId: UNI_A,
  placedWith: [TEAM],
};
const peerFromB: NamedPerson = {
  id: "b1",
  name: "Bo Peer",
  role: "STUDENT",
  organisationId: UNI_B,
  placedWith: [TEAM],
};
const thePe: NamedPerson = { id: "pe", name: "Priya Shah", role: "PRACTICE_EDUCATOR", organisationId: TEAM };
const nobody = new Set<string>();

describe("whose names a viewer may read", () => {
  it("a tutor reads the names of their own university's students, not another university's", () => {
    expect(nameVisibleTo(tutorA, peerFromA, nobody)).toBe(true);
    expect(nameVisibleTo(tutorA, peerFromB, nobody)).toBe(false);
  });

  it("a student reads a peer from their own university, and another university's peer only as a role", () => {
    expect(personNameFor(studentA, peerFromA, nobody)).toBe("Asha Peer");
    expect(personNameFor(studentA, peerFromB, nobody)).toBe("A student from another university");
  });

  it("the team's staff read the names of students placed with their team, from any university", () => {
    expect(nameVisibleTo(pe, peerFromB, nobody)).toBe(true);
    const placedElsewhere = { ...peerFromB, placedWith: ["another-team"] };
    expect(personNameFor(pe, placedElsewhere, nobody)).toBe("A student from another university");
  });

  it("a tutor reads the name of a practice educator they work with through a placement, and no other", () => {
    expect(nameVisibleTo(tutorA, thePe, new Set(["pe"]))).toBe(true);
    expect(personNameFor(tutorA, thePe, nobody)).toBe("A practice educator from another team");
  });

  it("everyone reads their own name", () => {
    const self: NamedPerson = { id: "student-a", name: "Amira", role: "STUDENT", organisationId: "elsewhere" };
    expect(nameVisibleTo(studentA, self, nobody)).toBe(true);
  });
});
