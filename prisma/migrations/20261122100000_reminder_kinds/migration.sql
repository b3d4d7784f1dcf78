-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReminderDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "linkId" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'day',
    "state" TEXT NOT NULL DEFAULT 'claimed',
    "claimedUntil" DATETIME,
    "aboutDate" TEXT,
    "targetHours" REAL,
    "loggedHours" REAL,
    "channelId" TEXT,
    "messageTs" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReminderDelivery_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "UserLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReminderDelivery" ("attempts", "channelId", "claimedUntil", "createdAt", "id", "lastError", "linkId", "localDate", "messageTs", "state", "updatedAt") SELECT "attempts", "channelId", "claimedUntil", "createdAt", "id", "lastError", "linkId", "localDate", "messageTs", "state", "updatedAt" FROM "ReminderDelivery";
DROP TABLE "ReminderDelivery";
ALTER TABLE "new_ReminderDelivery" RENAME TO "ReminderDelivery";
CREATE INDEX "ReminderDelivery_state_idx" ON "ReminderDelivery"("state");
CREATE UNIQUE INDEX "ReminderDelivery_linkId_localDate_kind_key" ON "ReminderDelivery"("linkId", "localDate", "kind");
CREATE TABLE "new_ReminderSetting" (
    "linkId" TEXT NOT NULL PRIMARY KEY,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "localTime" TEXT NOT NULL DEFAULT '17:30',
    "weekdays" TEXT,
    "targetHours" REAL,
    "skipDates" TEXT NOT NULL DEFAULT '[]',
    "morningRecap" BOOLEAN NOT NULL DEFAULT false,
    "morningTime" TEXT NOT NULL DEFAULT '09:30',
    "respectAway" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReminderSetting_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "UserLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReminderSetting" ("enabled", "linkId", "localTime", "morningRecap", "respectAway", "skipDates", "targetHours", "updatedAt", "weekdays") SELECT "enabled", "linkId", "localTime", "morningRecap", "respectAway", "skipDates", "targetHours", "updatedAt", "weekdays" FROM "ReminderSetting";
DROP TABLE "ReminderSetting";
ALTER TABLE "new_ReminderSetting" RENAME TO "ReminderSetting";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

