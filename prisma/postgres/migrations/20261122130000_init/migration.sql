-- CreateTable
CREATE TABLE "Installation" (
    "id" TEXT NOT NULL,
    "tenantKey" TEXT NOT NULL,
    "teamId" TEXT,
    "enterpriseId" TEXT,
    "botUserId" TEXT,
    "botId" TEXT,
    "botTokenEnc" TEXT NOT NULL,
    "installJsonEnc" TEXT NOT NULL,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Installation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserLink" (
    "id" TEXT NOT NULL,
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
    "tokenExpiresAt" TIMESTAMP(3),
    "state" TEXT NOT NULL DEFAULT 'active',
    "relinkNotifiedAt" TIMESTAMP(3),
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UserLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OAuthState" (
    "stateHash" TEXT NOT NULL,
    "tenantKey" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OAuthState_pkey" PRIMARY KEY ("stateHash")
);

-- CreateTable
CREATE TABLE "TimeEntryRequest" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "taskId" INTEGER NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "stop" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "corHourId" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMP(3),
    "responseUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TimeEntryRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderSetting" (
    "linkId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "localTime" TEXT NOT NULL DEFAULT '17:30',
    "weekdays" TEXT,
    "targetHours" DOUBLE PRECISION,
    "skipDates" TEXT NOT NULL DEFAULT '[]',
    "morningRecap" BOOLEAN NOT NULL DEFAULT false,
    "morningTime" TEXT NOT NULL DEFAULT '09:30',
    "respectAway" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderSetting_pkey" PRIMARY KEY ("linkId")
);

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "id" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'day',
    "state" TEXT NOT NULL DEFAULT 'claimed',
    "claimedUntil" TIMESTAMP(3),
    "aboutDate" TEXT,
    "targetHours" DOUBLE PRECISION,
    "loggedHours" DOUBLE PRECISION,
    "channelId" TEXT,
    "messageTs" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Timer" (
    "linkId" TEXT NOT NULL,
    "taskId" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "note" TEXT,

    CONSTRAINT "Timer_pkey" PRIMARY KEY ("linkId")
);

-- CreateTable
CREATE TABLE "ChannelProject" (
    "tenantKey" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "corProjectId" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelProject_pkey" PRIMARY KEY ("tenantKey","channelId")
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
CREATE UNIQUE INDEX "ReminderDelivery_linkId_localDate_kind_key" ON "ReminderDelivery"("linkId", "localDate", "kind");

-- AddForeignKey
ALTER TABLE "TimeEntryRequest" ADD CONSTRAINT "TimeEntryRequest_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "UserLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSetting" ADD CONSTRAINT "ReminderSetting_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "UserLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "UserLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Timer" ADD CONSTRAINT "Timer_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "UserLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

