-- CreateTable
CREATE TABLE "LogDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "tenantKey" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "rows" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "LogDraft_key_key" ON "LogDraft"("key");

-- CreateIndex
CREATE INDEX "LogDraft_createdAt_idx" ON "LogDraft"("createdAt");

