-- CreateTable
CREATE TABLE "DigestMember" (
    "digestId" TEXT NOT NULL,
    "tenantKey" TEXT NOT NULL,
    "member" TEXT NOT NULL,

    CONSTRAINT "DigestMember_pkey" PRIMARY KEY ("digestId","member")
);

-- CreateIndex
CREATE INDEX "DigestMember_tenantKey_member_idx" ON "DigestMember"("tenantKey", "member");

-- AddForeignKey
ALTER TABLE "DigestMember" ADD CONSTRAINT "DigestMember_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "Digest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The people of digests picked by hand are known now (comma separated in "audience"); a user group's or a COR
-- project's people are stored the next time the digest is saved, sent or nudged from.
INSERT INTO "DigestMember" ("digestId", "tenantKey", "member")
SELECT DISTINCT "id", "tenantKey", "member" FROM "Digest", unnest(string_to_array("audience", ',')) AS "member"
WHERE "audienceKind" = 'people' AND "member" <> ''
ON CONFLICT DO NOTHING;
