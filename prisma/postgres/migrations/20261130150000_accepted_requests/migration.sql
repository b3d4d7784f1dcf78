-- CreateTable
CREATE TABLE "AcceptedRequest" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tenantKey" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "responseUrl" TEXT,
    "state" TEXT NOT NULL DEFAULT 'open',
    "claimedUntil" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AcceptedRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AcceptedRequest_key_key" ON "AcceptedRequest"("key");

-- CreateIndex
CREATE INDEX "AcceptedRequest_state_claimedUntil_idx" ON "AcceptedRequest"("state", "claimedUntil");

