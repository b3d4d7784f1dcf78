-- CreateTable
CREATE TABLE "Installation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantKey" TEXT NOT NULL,
    "teamId" TEXT,
    "enterpriseId" TEXT,
    "botUserId" TEXT,
    "botId" TEXT,
    "botTokenEnc" TEXT NOT NULL,
    "installJsonEnc" TEXT NOT NULL,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "UserLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantKey" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "corUserId" INTEGER NOT NULL,
    "corName" TEXT NOT NULL,
    "corEmail" TEXT,
    "slackEmail" TEXT,
    "tz" TEXT,
    "locale" TEXT,
    "accessTokenEnc" TEXT,
    "refreshTokenEnc" TEXT,
    "tokenExpiresAt" DATETIME,
    "state" TEXT NOT NULL DEFAULT 'active',
    "relinkNotifiedAt" DATETIME,
    "linkedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OAuthState" (
    "stateHash" TEXT NOT NULL PRIMARY KEY,
    "tenantKey" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TimeEntryRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idempotencyKey" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "taskId" INTEGER NOT NULL,
    "start" DATETIME NOT NULL,
    "stop" DATETIME NOT NULL,
    "note" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "corHourId" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" DATETIME,
    "responseUrl" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TimeEntryRequest_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "UserLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReminderSetting" (
    "linkId" TEXT NOT NULL PRIMARY KEY,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "localTime" TEXT NOT NULL DEFAULT '17:30',
    "weekdays" TEXT,
    "targetHours" REAL,
    "snoozedUntil" DATETIME,
    "skipDates" TEXT NOT NULL DEFAULT '[]',
    "morningRecap" BOOLEAN NOT NULL DEFAULT false,
    "respectAway" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReminderSetting_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "UserLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "linkId" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'claimed',
    "claimedUntil" DATETIME,
    "channelId" TEXT,
    "messageTs" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReminderDelivery_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "UserLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Timer" (
    "linkId" TEXT NOT NULL PRIMARY KEY,
    "taskId" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "note" TEXT,
    CONSTRAINT "Timer_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "UserLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Installation_tenantKey_key" ON "Installation"("tenantKey");

-- CreateIndex
CREATE INDEX "UserLink_corUserId_idx" ON "UserLink"("corUserId");

-- CreateIndex
CREATE UNIQUE INDEX "UserLink_tenantKey_slackUserId_key" ON "UserLink"("tenantKey", "slackUserId");

-- CreateIndex
CREATE INDEX "OAuthState_expiresAt_idx" ON "OAuthState"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "TimeEntryRequest_idempotencyKey_key" ON "TimeEntryRequest"("idempotencyKey");

-- CreateIndex
CREATE INDEX "TimeEntryRequest_state_nextAttemptAt_idx" ON "TimeEntryRequest"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "TimeEntryRequest_linkId_idx" ON "TimeEntryRequest"("linkId");

-- CreateIndex
CREATE INDEX "ReminderDelivery_state_idx" ON "ReminderDelivery"("state");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderDelivery_linkId_localDate_key" ON "ReminderDelivery"("linkId", "localDate");

