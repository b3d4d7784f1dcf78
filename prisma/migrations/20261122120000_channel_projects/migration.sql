-- CreateTable
CREATE TABLE "ChannelProject" (
    "tenantKey" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "corProjectId" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("tenantKey", "channelId")
);

