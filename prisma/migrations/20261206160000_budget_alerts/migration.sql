-- CreateTable
CREATE TABLE "BudgetSetting" (
    "tenantKey" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "thresholds" TEXT NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("tenantKey", "channelId")
);

-- CreateTable
CREATE TABLE "BudgetAlert" (
    "tenantKey" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "corProjectId" INTEGER NOT NULL,
    "threshold" INTEGER NOT NULL,
    "estimate" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'claimed',
    "messageTs" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("tenantKey", "channelId", "corProjectId", "threshold", "estimate")
);

