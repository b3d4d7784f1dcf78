-- AlterTable
ALTER TABLE "Digest" ADD COLUMN "language" TEXT;

-- CreateTable
CREATE TABLE "LanguageChoice" (
    "tenantKey" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LanguageChoice_pkey" PRIMARY KEY ("tenantKey","slackUserId")
);
