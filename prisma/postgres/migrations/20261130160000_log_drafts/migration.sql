-- CreateTable
CREATE TABLE "LogDraft" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "tenantKey" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "rows" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LogDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LogDraft_key_key" ON "LogDraft"("key");

-- CreateIndex
CREATE INDEX "LogDraft_createdAt_idx" ON "LogDraft"("createdAt");

