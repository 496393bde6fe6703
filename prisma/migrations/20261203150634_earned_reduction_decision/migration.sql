-- CreateEnum
CREATE TYPE "EarnedReductionDecisionKind" AS ENUM ('CONFIRMED', 'REFUSED');

-- CreateTable
CREATE TABLE "EarnedReductionDecision" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requirementId" UUID NOT NULL,
    "decision" "EarnedReductionDecisionKind" NOT NULL,
    "decidedOn" DATE NOT NULL,
    "note" VARCHAR(4000),
    "decidedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EarnedReductionDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EarnedReductionDecision_requirementId_createdAt_idx" ON "EarnedReductionDecision"("requirementId", "createdAt");

-- AddForeignKey
ALTER TABLE "EarnedReductionDecision" ADD CONSTRAINT "EarnedReductionDecision_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The dashboard figures cache is invalidated by these tables too: an officer's decision on an
-- earned reduction changes hours required and completions, a commencement date (PolicySetting)
-- or a region's settings change what the rules say on every date after it.
CREATE CONSTRAINT TRIGGER "EarnedReductionDecision_dashboard_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "EarnedReductionDecision"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "dashboard_data_changed"();
CREATE TRIGGER "EarnedReductionDecision_dashboard_data_truncated" AFTER TRUNCATE ON "EarnedReductionDecision" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_data_changed"();

CREATE CONSTRAINT TRIGGER "PolicySetting_dashboard_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "PolicySetting"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "dashboard_data_changed"();
CREATE TRIGGER "PolicySetting_dashboard_data_truncated" AFTER TRUNCATE ON "PolicySetting" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_data_changed"();

CREATE CONSTRAINT TRIGGER "Region_dashboard_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "Region"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "dashboard_data_changed"();
CREATE TRIGGER "Region_dashboard_data_truncated" AFTER TRUNCATE ON "Region" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_data_changed"();
