-- CreateTable
CREATE TABLE "DigestMember" (
    "digestId" TEXT NOT NULL,
    "tenantKey" TEXT NOT NULL,
    "member" TEXT NOT NULL,

    PRIMARY KEY ("digestId", "member"),
    CONSTRAINT "DigestMember_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "Digest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DigestMember_tenantKey_member_idx" ON "DigestMember"("tenantKey", "member");

-- The people of digests picked by hand are known now (comma separated in "audience"); a user group's or a COR
-- project's people are stored the next time the digest is saved, sent or nudged from.
WITH RECURSIVE "split"("digestId", "tenantKey", "member", "rest") AS (
    SELECT "id", "tenantKey", '', "audience" || ',' FROM "Digest" WHERE "audienceKind" = 'people'
    UNION ALL
    SELECT "digestId", "tenantKey", substr("rest", 1, instr("rest", ',') - 1), substr("rest", instr("rest", ',') + 1) FROM "split" WHERE "rest" <> ''
)
INSERT OR IGNORE INTO "DigestMember" ("digestId", "tenantKey", "member") SELECT "digestId", "tenantKey", "member" FROM "split" WHERE "member" <> '';
