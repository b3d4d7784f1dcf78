-- AlterTable
ALTER TABLE "TimeEntryRequest" ADD COLUMN     "answerTo" TEXT;

