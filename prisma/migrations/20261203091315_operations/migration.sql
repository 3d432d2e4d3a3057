-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "organisationId" TEXT;

-- CreateTable
CREATE TABLE "AuditChainLink" (
    "auditId" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditChainLink_pkey" PRIMARY KEY ("auditId")
);

-- CreateTable
CREATE TABLE "AttachmentBlob" (
    "storageKey" TEXT NOT NULL,
    "sizeBytes" INTEGER,
    "sha256" TEXT,
    "chunks" INTEGER NOT NULL DEFAULT 0,
    "complete" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttachmentBlob_pkey" PRIMARY KEY ("storageKey")
);

-- CreateTable
CREATE TABLE "AttachmentChunk" (
    "storageKey" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "AttachmentChunk_pkey" PRIMARY KEY ("storageKey","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditChainLink_chain_seq_key" ON "AuditChainLink"("chain", "seq");

-- CreateIndex
CREATE INDEX "AttachmentBlob_complete_createdAt_idx" ON "AttachmentBlob"("complete", "createdAt");

-- AddForeignKey
ALTER TABLE "AuditChainLink" ADD CONSTRAINT "AuditChainLink_auditId_fkey" FOREIGN KEY ("auditId") REFERENCES "AuditLog"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttachmentChunk" ADD CONSTRAINT "AttachmentChunk_storageKey_fkey" FOREIGN KEY ("storageKey") REFERENCES "AttachmentBlob"("storageKey") ON DELETE CASCADE ON UPDATE CASCADE;

-- The tamper-evident audit log (docs/operations.md#tamper-evident-audit-log).
-- Each entry gets a link in its organisation's chain carrying the previous
-- link's hash, written by a deferred trigger as the entry's transaction
-- commits: the chain lock is taken last and held for an instant, so writers
-- never wait on it while holding other locks (no deadlock), and a rolled-back
-- entry never joins the chain.

-- The entry's hash: sha256 over the previous hash and every field, separated by U+001F.
CREATE FUNCTION audit_entry_digest(entry "AuditLog", prev_hash TEXT) RETURNS TEXT
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(
    prev_hash || chr(31) || entry.id || chr(31) || to_char(entry.at, 'YYYY-MM-DD"T"HH24:MI:SS.US') || chr(31) ||
    coalesce(entry."actorId", '') || chr(31) || entry.action || chr(31) || entry.entity || chr(31) ||
    entry."entityId" || chr(31) || coalesce(entry.changes::text, '') || chr(31) || coalesce(entry."organisationId", ''),
    'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_chain_link() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  -- The entry's organisation; for a writer that did not name it, the actor's; else the system's chain.
  chain_key TEXT := coalesce(NEW."organisationId", (SELECT "organisationId" FROM "User" WHERE id = NEW."actorId"), 'system');
  previous RECORD;
  prev_hash TEXT;
BEGIN
  -- One writer per chain at a time, until this transaction ends.
  PERFORM pg_advisory_xact_lock(hashtextextended('audit-chain:' || chain_key, 0));
  SELECT seq, hash INTO previous FROM "AuditChainLink" WHERE chain = chain_key ORDER BY seq DESC LIMIT 1;
  prev_hash := coalesce(previous.hash, repeat('0', 64));
  INSERT INTO "AuditChainLink" ("auditId", chain, seq, "prevHash", hash)
  VALUES (NEW.id, chain_key, coalesce(previous.seq, 0) + 1, prev_hash, audit_entry_digest(NEW, prev_hash));
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "AuditLog_chain" AFTER INSERT ON "AuditLog"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_link();

-- Entries already written join their chains in the order they were written.
ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_chain";
UPDATE "AuditLog" a SET "organisationId" = u."organisationId" FROM "User" u WHERE u.id = a."actorId";
DO $$
DECLARE
  entry "AuditLog";
  chain_key TEXT;
  previous RECORD;
  prev_hash TEXT;
BEGIN
  FOR entry IN SELECT * FROM "AuditLog" ORDER BY at, id LOOP
    chain_key := coalesce(entry."organisationId", 'system');
    SELECT seq, hash INTO previous FROM "AuditChainLink" WHERE chain = chain_key ORDER BY seq DESC LIMIT 1;
    prev_hash := coalesce(previous.hash, repeat('0', 64));
    INSERT INTO "AuditChainLink" ("auditId", chain, seq, "prevHash", hash)
    VALUES (entry.id, chain_key, coalesce(previous.seq, 0) + 1, prev_hash, audit_entry_digest(entry, prev_hash));
  END LOOP;
END $$;
ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_chain";

-- Append-only, whatever the role: an entry or a link is never changed or removed.
CREATE FUNCTION audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER "AuditChainLink_append_only" BEFORE UPDATE OR DELETE ON "AuditChainLink"
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER "AuditChainLink_no_truncate" BEFORE TRUNCATE ON "AuditChainLink"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
