-- Requests outlive an unlink: the link becomes null, who asked is kept (copied from the link for existing rows).
ALTER TABLE "TimeEntryRequest" DROP CONSTRAINT "TimeEntryRequest_linkId_fkey";

ALTER TABLE "TimeEntryRequest" ADD COLUMN     "outcomeUnknown" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "slackUserId" TEXT,
ADD COLUMN     "tenantKey" TEXT,
ALTER COLUMN "linkId" DROP NOT NULL;

UPDATE "TimeEntryRequest" r SET "tenantKey" = l."tenantKey", "slackUserId" = l."slackUserId", "outcomeUnknown" = (r."state" = 'pending' AND r."attempts" > 0)
FROM "UserLink" l WHERE l."id" = r."linkId";

ALTER TABLE "TimeEntryRequest" ALTER COLUMN "slackUserId" SET NOT NULL, ALTER COLUMN "tenantKey" SET NOT NULL;

ALTER TABLE "TimeEntryRequest" ADD CONSTRAINT "TimeEntryRequest_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "UserLink"("id") ON DELETE SET NULL ON UPDATE CASCADE;
