-- CreateTable
CREATE TABLE "Digest" (
    "id" TEXT NOT NULL,
    "tenantKey" TEXT NOT NULL,
    "ownerSlackUserId" TEXT NOT NULL,
    "audienceKind" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "schedule" TEXT NOT NULL,
    "localTime" TEXT NOT NULL,
    "tz" TEXT NOT NULL,
    "shortUnderHours" DOUBLE PRECISION,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Digest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestDelivery" (
    "id" TEXT NOT NULL,
    "digestId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'claimed',
    "claimedUntil" TIMESTAMP(3),
    "channelId" TEXT,
    "messageTs" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Nudge" (
    "tenantKey" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "nudgedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Nudge_pkey" PRIMARY KEY ("tenantKey","slackUserId","localDate")
);

-- CreateIndex
CREATE INDEX "Digest_tenantKey_ownerSlackUserId_idx" ON "Digest"("tenantKey", "ownerSlackUserId");

-- CreateIndex
CREATE UNIQUE INDEX "DigestDelivery_digestId_period_key" ON "DigestDelivery"("digestId", "period");

-- AddForeignKey
ALTER TABLE "DigestDelivery" ADD CONSTRAINT "DigestDelivery_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "Digest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

