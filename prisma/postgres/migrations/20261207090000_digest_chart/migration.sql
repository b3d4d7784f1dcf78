-- AlterTable
ALTER TABLE "Digest" ADD COLUMN     "withChart" BOOLEAN NOT NULL DEFAULT true;

