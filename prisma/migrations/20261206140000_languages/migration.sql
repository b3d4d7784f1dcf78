-- AlterTable
ALTER TABLE "Digest" ADD COLUMN "language" TEXT;

-- CreateTable
CREATE TABLE "LanguageChoice" (
    "tenantKey" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("tenantKey", "slackUserId")
);
