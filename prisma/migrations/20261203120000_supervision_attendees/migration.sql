-- CreateTable
CREATE TABLE "SupervisionAttendee" (
    "recordId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "SupervisionAttendee_pkey" PRIMARY KEY ("recordId","userId")
);

-- CreateIndex
CREATE INDEX "SupervisionAttendee_userId_idx" ON "SupervisionAttendee"("userId");

-- AddForeignKey
ALTER TABLE "SupervisionAttendee" ADD CONSTRAINT "SupervisionAttendee_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "SupervisionRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionAttendee" ADD CONSTRAINT "SupervisionAttendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Other students in group supervision were typed as "<name> (student)" among
-- the other attendees, so every reader saw their names. Each line that names
-- exactly one student placed with the same team becomes an attendee row (whose
-- name each reader sees or not, lib/access/people.ts), and leaves the text.
CREATE TEMP TABLE "_attending_student" AS
SELECT DISTINCT r.id AS "recordId", u.id AS "userId", line
FROM "SupervisionRecord" r
CROSS JOIN LATERAL unnest(r."otherAttendees") AS line
JOIN "Placement" own ON own.id = r."placementId"
JOIN "User" u ON u.role = 'STUDENT' AND line = u.name || ' (student)'
WHERE u.id <> own."studentId"
  AND (SELECT count(*) FROM "User" same WHERE same.role = 'STUDENT' AND same.name = u.name) = 1
  AND EXISTS (SELECT 1 FROM "Placement" p WHERE p."studentId" = u.id AND p."teamId" = own."teamId");

INSERT INTO "SupervisionAttendee" ("recordId", "userId")
SELECT "recordId", "userId" FROM "_attending_student"
ON CONFLICT DO NOTHING;

UPDATE "SupervisionRecord" r
SET "otherAttendees" = ARRAY(
  SELECT line FROM unnest(r."otherAttendees") WITH ORDINALITY AS t(line, n)
  WHERE NOT EXISTS (SELECT 1 FROM "_attending_student" a WHERE a."recordId" = r.id AND a.line = t.line)
  ORDER BY n
)
WHERE r.id IN (SELECT "recordId" FROM "_attending_student");

DROP TABLE "_attending_student";
