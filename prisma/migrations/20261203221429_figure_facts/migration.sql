-- CreateTable
CREATE TABLE "FigureFact" (
    "requirementId" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "regionId" UUID NOT NULL,
    "pduId" UUID,
    "managedBy" "ManagedBy" NOT NULL,
    "band" TEXT,
    "met" BOOLEAN,
    "x" DOUBLE PRECISION,
    "y" DOUBLE PRECISION,
    "gender" "Gender" NOT NULL,
    "ethnicity" TEXT,

    CONSTRAINT "FigureFact_pkey" PRIMARY KEY ("requirementId","source")
);

-- CreateTable
CREATE TABLE "FigureFactMark" (
    "seq" BIGSERIAL NOT NULL,
    "requirementId" UUID,

    CONSTRAINT "FigureFactMark_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "FigureFactState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "asOf" DATE NOT NULL,
    "rulesKey" TEXT NOT NULL,
    "generation" BIGINT NOT NULL DEFAULT 0,
    "builtAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FigureFactState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FigureFact_regionId_source_idx" ON "FigureFact"("regionId", "source");

-- Figure facts kept current (docs/decisions/0090-figure-facts.md). "figure_facts_touched", an
-- AFTER ... FOR EACH STATEMENT trigger with transition tables on every table the figures read,
-- inserts into FigureFactMark the requirements whose figure rows the statement's rows can change
-- (old and new rows: a transfer or a moved record counts for both), in the same transaction as the
-- write, so a rolled-back write marks nothing. Bank holidays, the rules and any TRUNCATE mark every
-- requirement (a null mark). Readers replace the marked requirements' FigureFact rows before
-- counting (src/server/queries/figure-facts.ts). Nothing is backfilled here: with no
-- FigureFactState row the first reader builds the whole table (the rule dates need the domain's
-- working-day calendar, in TypeScript). Bodies as E'' strings with \073 for each semicolon (the
-- migration runner splits scripts at every semicolon).
CREATE FUNCTION "figure_facts_touched"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  kind text := TG_ARGV[0]\073
  sel text\073
  query text\073
BEGIN
  IF TG_OP = ''TRUNCATE'' THEN
    INSERT INTO "FigureFactMark" ("requirementId") VALUES (NULL)\073
    RETURN NULL\073
  END IF\073
  sel := CASE kind
    WHEN ''all'' THEN ''SELECT NULL::uuid FROM %1$I t''
    WHEN ''self'' THEN ''SELECT t."id" FROM %1$I t''
    WHEN ''requirement'' THEN ''SELECT t."requirementId" FROM %1$I t''
    WHEN ''action'' THEN ''SELECT ea."requirementId" FROM "EnforcementAction" ea WHERE ea."id" IN (SELECT t."actionId" FROM %1$I t)''
    WHEN ''person'' THEN ''SELECT r."id" FROM "Requirement" r WHERE r."personId" IN (SELECT t."id" FROM %1$I t)''
    WHEN ''order'' THEN ''SELECT r."id" FROM "Requirement" r WHERE r."orderId" IN (SELECT t."id" FROM %1$I t)''
  END\073
  query := CASE TG_OP
    WHEN ''INSERT'' THEN format(sel, ''new_rows'')
    WHEN ''DELETE'' THEN format(sel, ''old_rows'')
    ELSE format(sel, ''new_rows'') || '' UNION '' || format(sel, ''old_rows'')
  END\073
  IF kind = ''all'' THEN
    EXECUTE ''INSERT INTO "FigureFactMark" ("requirementId") SELECT NULL WHERE EXISTS ('' || query || '')''\073
  ELSE
    EXECUTE ''INSERT INTO "FigureFactMark" ("requirementId") SELECT DISTINCT s.x FROM ('' || query || '') s(x) WHERE s.x IS NOT NULL''\073
  END IF\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Requirement_figure_facts_inserted" AFTER INSERT ON "Requirement" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('self');
CREATE TRIGGER "Requirement_figure_facts_updated" AFTER UPDATE ON "Requirement" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('self');
CREATE TRIGGER "Requirement_figure_facts_deleted" AFTER DELETE ON "Requirement" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('self');
CREATE TRIGGER "Requirement_figure_facts_truncated" AFTER TRUNCATE ON "Requirement"
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');

CREATE TRIGGER "Person_figure_facts_inserted" AFTER INSERT ON "Person" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('person');
CREATE TRIGGER "Person_figure_facts_updated" AFTER UPDATE ON "Person" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('person');
CREATE TRIGGER "Person_figure_facts_deleted" AFTER DELETE ON "Person" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('person');
CREATE TRIGGER "Person_figure_facts_truncated" AFTER TRUNCATE ON "Person"
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');

CREATE TRIGGER "Order_figure_facts_inserted" AFTER INSERT ON "Order" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('order');
CREATE TRIGGER "Order_figure_facts_updated" AFTER UPDATE ON "Order" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('order');
CREATE TRIGGER "Order_figure_facts_deleted" AFTER DELETE ON "Order" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('order');
CREATE TRIGGER "Order_figure_facts_truncated" AFTER TRUNCATE ON "Order"
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');

CREATE TRIGGER "Extension_figure_facts_inserted" AFTER INSERT ON "Extension" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "Extension_figure_facts_updated" AFTER UPDATE ON "Extension" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "Extension_figure_facts_deleted" AFTER DELETE ON "Extension" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "Extension_figure_facts_truncated" AFTER TRUNCATE ON "Extension"
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');

CREATE TRIGGER "EnforcementAction_figure_facts_inserted" AFTER INSERT ON "EnforcementAction" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "EnforcementAction_figure_facts_updated" AFTER UPDATE ON "EnforcementAction" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "EnforcementAction_figure_facts_deleted" AFTER DELETE ON "EnforcementAction" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "EnforcementAction_figure_facts_truncated" AFTER TRUNCATE ON "EnforcementAction"
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');

CREATE TRIGGER "EnforcementOutcome_figure_facts_inserted" AFTER INSERT ON "EnforcementOutcome" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('action');
CREATE TRIGGER "EnforcementOutcome_figure_facts_updated" AFTER UPDATE ON "EnforcementOutcome" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('action');
CREATE TRIGGER "EnforcementOutcome_figure_facts_deleted" AFTER DELETE ON "EnforcementOutcome" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('action');
CREATE TRIGGER "EnforcementOutcome_figure_facts_truncated" AFTER TRUNCATE ON "EnforcementOutcome"
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');

CREATE TRIGGER "Attendance_figure_facts_inserted" AFTER INSERT ON "Attendance" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "Attendance_figure_facts_updated" AFTER UPDATE ON "Attendance" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "Attendance_figure_facts_deleted" AFTER DELETE ON "Attendance" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "Attendance_figure_facts_truncated" AFTER TRUNCATE ON "Attendance"
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');

CREATE TRIGGER "EteCredit_figure_facts_inserted" AFTER INSERT ON "EteCredit" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "EteCredit_figure_facts_updated" AFTER UPDATE ON "EteCredit" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "EteCredit_figure_facts_deleted" AFTER DELETE ON "EteCredit" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "EteCredit_figure_facts_truncated" AFTER TRUNCATE ON "EteCredit"
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');

CREATE TRIGGER "Allocation_figure_facts_inserted" AFTER INSERT ON "Allocation" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "Allocation_figure_facts_updated" AFTER UPDATE ON "Allocation" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "Allocation_figure_facts_deleted" AFTER DELETE ON "Allocation" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "Allocation_figure_facts_truncated" AFTER TRUNCATE ON "Allocation"
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');

CREATE TRIGGER "Review_figure_facts_inserted" AFTER INSERT ON "Review" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "Review_figure_facts_updated" AFTER UPDATE ON "Review" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "Review_figure_facts_deleted" AFTER DELETE ON "Review" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "Review_figure_facts_truncated" AFTER TRUNCATE ON "Review"
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');

CREATE TRIGGER "EarnedReductionDecision_figure_facts_inserted" AFTER INSERT ON "EarnedReductionDecision" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "EarnedReductionDecision_figure_facts_updated" AFTER UPDATE ON "EarnedReductionDecision" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "EarnedReductionDecision_figure_facts_deleted" AFTER DELETE ON "EarnedReductionDecision" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "EarnedReductionDecision_figure_facts_truncated" AFTER TRUNCATE ON "EarnedReductionDecision"
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');

CREATE TRIGGER "RequirementTransfer_figure_facts_inserted" AFTER INSERT ON "RequirementTransfer" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "RequirementTransfer_figure_facts_updated" AFTER UPDATE ON "RequirementTransfer" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "RequirementTransfer_figure_facts_deleted" AFTER DELETE ON "RequirementTransfer" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "RequirementTransfer_figure_facts_truncated" AFTER TRUNCATE ON "RequirementTransfer"
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');

CREATE TRIGGER "BankHoliday_figure_facts_inserted" AFTER INSERT ON "BankHoliday" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');
CREATE TRIGGER "BankHoliday_figure_facts_updated" AFTER UPDATE ON "BankHoliday" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');
CREATE TRIGGER "BankHoliday_figure_facts_deleted" AFTER DELETE ON "BankHoliday" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');
CREATE TRIGGER "BankHoliday_figure_facts_truncated" AFTER TRUNCATE ON "BankHoliday"
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');

CREATE TRIGGER "PolicySetting_figure_facts_inserted" AFTER INSERT ON "PolicySetting" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');
CREATE TRIGGER "PolicySetting_figure_facts_updated" AFTER UPDATE ON "PolicySetting" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');
CREATE TRIGGER "PolicySetting_figure_facts_deleted" AFTER DELETE ON "PolicySetting" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');
CREATE TRIGGER "PolicySetting_figure_facts_truncated" AFTER TRUNCATE ON "PolicySetting"
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');
