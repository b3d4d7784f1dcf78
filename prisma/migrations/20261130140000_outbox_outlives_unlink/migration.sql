-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_TimeEntryRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idempotencyKey" TEXT NOT NULL,
    "linkId" TEXT,
    "tenantKey" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "taskId" INTEGER NOT NULL,
    "start" DATETIME NOT NULL,
    "stop" DATETIME NOT NULL,
    "note" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "corHourId" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "outcomeUnknown" BOOLEAN NOT NULL DEFAULT false,
    "lastError" TEXT,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" DATETIME,
    "responseUrl" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TimeEntryRequest_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "UserLink" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Who asked is copied from the link (the link may be deleted later; the request stays). An attempt already made
-- may have reached COR: such a request looks in COR first.
INSERT INTO "new_TimeEntryRequest" ("attempts", "claimedUntil", "corHourId", "createdAt", "id", "idempotencyKey", "lastError", "linkId", "tenantKey", "slackUserId", "outcomeUnknown", "nextAttemptAt", "note", "responseUrl", "start", "state", "stop", "taskId", "updatedAt")
SELECT r."attempts", r."claimedUntil", r."corHourId", r."createdAt", r."id", r."idempotencyKey", r."lastError", r."linkId", l."tenantKey", l."slackUserId", (r."state" = 'pending' AND r."attempts" > 0), r."nextAttemptAt", r."note", r."responseUrl", r."start", r."state", r."stop", r."taskId", r."updatedAt"
FROM "TimeEntryRequest" r JOIN "UserLink" l ON l."id" = r."linkId";
DROP TABLE "TimeEntryRequest";
ALTER TABLE "new_TimeEntryRequest" RENAME TO "TimeEntryRequest";
CREATE UNIQUE INDEX "TimeEntryRequest_idempotencyKey_key" ON "TimeEntryRequest"("idempotencyKey");
CREATE INDEX "TimeEntryRequest_state_nextAttemptAt_idx" ON "TimeEntryRequest"("state", "nextAttemptAt");
CREATE INDEX "TimeEntryRequest_linkId_idx" ON "TimeEntryRequest"("linkId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

