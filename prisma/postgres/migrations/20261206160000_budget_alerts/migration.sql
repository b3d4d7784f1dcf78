-- CreateTable
CREATE TABLE "BudgetSetting" (
    "tenantKey" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "thresholds" TEXT NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetSetting_pkey" PRIMARY KEY ("tenantKey","channelId")
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetAlert_pkey" PRIMARY KEY ("tenantKey","channelId","corProjectId","threshold","estimate")
);

