-- CreateTable
CREATE TABLE "Digest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantKey" TEXT NOT NULL,
    "ownerSlackUserId" TEXT NOT NULL,
    "audienceKind" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "schedule" TEXT NOT NULL,
    "localTime" TEXT NOT NULL,
    "tz" TEXT NOT NULL,
    "shortUnderHours" REAL,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DigestDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "digestId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'claimed',
    "claimedUntil" DATETIME,
    "channelId" TEXT,
    "messageTs" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DigestDelivery_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "Digest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Nudge" (
    "tenantKey" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "nudgedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("tenantKey", "slackUserId", "localDate")
);

-- CreateIndex
CREATE INDEX "Digest_tenantKey_ownerSlackUserId_idx" ON "Digest"("tenantKey", "ownerSlackUserId");

-- CreateIndex
CREATE UNIQUE INDEX "DigestDelivery_digestId_period_key" ON "DigestDelivery"("digestId", "period");

