-- CreateTable
CREATE TABLE "AcceptedRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tenantKey" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "responseUrl" TEXT,
    "state" TEXT NOT NULL DEFAULT 'open',
    "claimedUntil" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "AcceptedRequest_key_key" ON "AcceptedRequest"("key");

-- CreateIndex
CREATE INDEX "AcceptedRequest_state_claimedUntil_idx" ON "AcceptedRequest"("state", "claimedUntil");

