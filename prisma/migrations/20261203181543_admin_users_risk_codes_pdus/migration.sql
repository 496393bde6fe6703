-- AlterTable: each recorded risk code keeps the meaning it had when it was recorded (decision
-- 0074). Rows already recorded take the catalogue's meaning today, the only one they ever had.
ALTER TABLE "AssessmentRiskCode" ADD COLUMN     "catalogueVersion" INTEGER,
ADD COLUMN     "conflictsWith" "PlacementFeature"[],
ADD COLUMN     "guidance" VARCHAR(4000),
ADD COLUMN     "title" TEXT;

UPDATE "AssessmentRiskCode" AS a
SET "catalogueVersion" = r."version", "conflictsWith" = r."conflictsWith", "guidance" = r."guidance", "title" = r."title"
FROM "RiskCode" AS r
WHERE r."id" = a."riskCodeId";

ALTER TABLE "AssessmentRiskCode" ALTER COLUMN "catalogueVersion" SET NOT NULL,
ALTER COLUMN "guidance" SET NOT NULL,
ALTER COLUMN "title" SET NOT NULL;

-- AlterTable
ALTER TABLE "Pdu" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "PasswordResetLink" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "PasswordResetLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetLink_tokenHash_key" ON "PasswordResetLink"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordResetLink_userId_idx" ON "PasswordResetLink"("userId");

-- AddForeignKey
ALTER TABLE "PasswordResetLink" ADD CONSTRAINT "PasswordResetLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
