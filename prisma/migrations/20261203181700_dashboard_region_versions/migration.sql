-- DropIndex
DROP INDEX "DashboardSnapshot_dataMarker_idx";

-- Snapshots of the one national version can never be served again.
DELETE FROM "DashboardSnapshot";

-- AlterTable
ALTER TABLE "DashboardSnapshot" ADD COLUMN     "regionId" UUID NOT NULL;

-- DropTable
DROP TABLE "DashboardDataVersion";

-- CreateTable
CREATE TABLE "DashboardRegionVersion" (
    "regionId" UUID NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DashboardRegionVersion_pkey" PRIMARY KEY ("regionId")
);

-- CreateIndex
CREATE INDEX "DashboardSnapshot_regionId_dataMarker_idx" ON "DashboardSnapshot"("regionId", "dataMarker");

-- Per-region data versions (docs/decisions/0076-figures-per-region.md). Two parts:
-- 1. "dashboard_regions_touched", an ordinary AFTER ... FOR EACH STATEMENT trigger with transition
--    tables, notes in a transaction-local setting (dashboard.regions, sorted, comma-separated, "*"
--    for every region) the regions whose figures the statement's rows can change: the requirement's
--    region (old and new, so a transfer counts for both), through the requirement for the tables
--    that hang off one, every region for bank holidays and the rules. It only reads: no lock is taken.
-- 2. "dashboard_data_changed" (the existing deferred constraint triggers, now with a new body) runs
--    at COMMIT and bumps each noted region's counter once, in region-id order, so two transactions
--    that both touch London and Wales lock the two rows in the same order (no deadlock), and writers
--    in different regions never wait for each other. A table it does not know (a trigger added later
--    without a recorder) counts as every region: wasteful, never stale.
-- The bodies are E'' strings with \073 for each semicolon because the migration runner
-- (adapter-pg executeScript) splits scripts at every semicolon, dollar quotes included.
CREATE FUNCTION "dashboard_regions_touched"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  kind text := TG_ARGV[0]\073
  known text := COALESCE(current_setting(''dashboard.regions'', true), '''')\073
  sel text\073
  src text\073
  merged text\073
BEGIN
  IF known = ''*'' THEN
    RETURN NULL\073
  END IF\073
  sel := CASE kind
    WHEN ''region'' THEN ''SELECT t."regionId"::text FROM %1$I t''
    WHEN ''self'' THEN ''SELECT t."id"::text FROM %1$I t''
    WHEN ''requirement'' THEN ''SELECT r."regionId"::text FROM "Requirement" r WHERE r."id" IN (SELECT t."requirementId" FROM %1$I t)''
    WHEN ''action'' THEN ''SELECT r."regionId"::text FROM "Requirement" r JOIN "EnforcementAction" ea ON ea."requirementId" = r."id" WHERE ea."id" IN (SELECT t."actionId" FROM %1$I t)''
    WHEN ''person'' THEN ''SELECT r."regionId"::text FROM "Requirement" r WHERE r."personId" IN (SELECT t."id" FROM %1$I t)''
    WHEN ''order'' THEN ''SELECT r."regionId"::text FROM "Requirement" r WHERE r."orderId" IN (SELECT t."id" FROM %1$I t)''
    ELSE NULL
  END\073
  IF sel IS NULL OR TG_OP = ''TRUNCATE'' THEN
    PERFORM set_config(''dashboard.regions'', ''*'', true)\073
    RETURN NULL\073
  END IF\073
  FOREACH src IN ARRAY (CASE TG_OP WHEN ''INSERT'' THEN ARRAY[''new_rows''] WHEN ''DELETE'' THEN ARRAY[''old_rows''] ELSE ARRAY[''new_rows'', ''old_rows''] END) LOOP
    EXECUTE ''SELECT string_agg(u.x, chr(44) ORDER BY u.x) FROM (SELECT unnest(string_to_array($1, chr(44))) AS x UNION SELECT s.x FROM (''
      || format(sel, src) || '') s(x) WHERE s.x IS NOT NULL) u'' INTO merged USING known\073
    known := COALESCE(merged, '''')\073
  END LOOP\073
  PERFORM set_config(''dashboard.regions'', known, true)\073
  RETURN NULL\073
END
';

CREATE OR REPLACE FUNCTION "dashboard_data_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  pending text\073
  done text := COALESCE(current_setting(''dashboard.bumped'', true), '''')\073
BEGIN
  IF TG_OP = ''TRUNCATE'' OR NOT (TG_TABLE_NAME = ANY (ARRAY[''Requirement'', ''Person'', ''Order'', ''Extension'', ''EnforcementAction'',
      ''EnforcementOutcome'', ''Attendance'', ''EteCredit'', ''Allocation'', ''Review'', ''Approval'', ''EarnedReductionDecision'', ''Region'',
      ''BankHoliday'', ''PolicySetting''])) THEN
    PERFORM set_config(''dashboard.regions'', ''*'', true)\073
  END IF\073
  pending := COALESCE(current_setting(''dashboard.regions'', true), '''')\073
  IF pending = done OR pending = '''' THEN
    RETURN NULL\073
  END IF\073
  IF pending = ''*'' THEN
    INSERT INTO "DashboardRegionVersion" AS v ("regionId", "version", "changedAt")
      SELECT g."id", 1, clock_timestamp() FROM "Region" g ORDER BY g."id"
      ON CONFLICT ("regionId") DO UPDATE SET "version" = v."version" + 1, "changedAt" = EXCLUDED."changedAt"\073
  ELSE
    INSERT INTO "DashboardRegionVersion" AS v ("regionId", "version", "changedAt")
      SELECT p.x::uuid AS id, 1, clock_timestamp() FROM unnest(string_to_array(pending, chr(44))) AS p(x)
      WHERE done = ''*'' OR NOT (p.x = ANY (string_to_array(done, chr(44)))) ORDER BY id
      ON CONFLICT ("regionId") DO UPDATE SET "version" = v."version" + 1, "changedAt" = EXCLUDED."changedAt"\073
  END IF\073
  PERFORM set_config(''dashboard.bumped'', pending, true)\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Requirement_dashboard_regions_inserted" AFTER INSERT ON "Requirement" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('region');
CREATE TRIGGER "Requirement_dashboard_regions_updated" AFTER UPDATE ON "Requirement" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('region');
CREATE TRIGGER "Requirement_dashboard_regions_deleted" AFTER DELETE ON "Requirement" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('region');

CREATE TRIGGER "Person_dashboard_regions_inserted" AFTER INSERT ON "Person" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('person');
CREATE TRIGGER "Person_dashboard_regions_updated" AFTER UPDATE ON "Person" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('person');
CREATE TRIGGER "Person_dashboard_regions_deleted" AFTER DELETE ON "Person" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('person');

CREATE CONSTRAINT TRIGGER "Order_dashboard_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "Order"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "dashboard_data_changed"();
CREATE TRIGGER "Order_dashboard_data_truncated" AFTER TRUNCATE ON "Order" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_data_changed"();

CREATE TRIGGER "Order_dashboard_regions_inserted" AFTER INSERT ON "Order" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('order');
CREATE TRIGGER "Order_dashboard_regions_updated" AFTER UPDATE ON "Order" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('order');
CREATE TRIGGER "Order_dashboard_regions_deleted" AFTER DELETE ON "Order" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('order');

CREATE TRIGGER "Extension_dashboard_regions_inserted" AFTER INSERT ON "Extension" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');
CREATE TRIGGER "Extension_dashboard_regions_updated" AFTER UPDATE ON "Extension" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');
CREATE TRIGGER "Extension_dashboard_regions_deleted" AFTER DELETE ON "Extension" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');

CREATE TRIGGER "EnforcementAction_dashboard_regions_inserted" AFTER INSERT ON "EnforcementAction" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');
CREATE TRIGGER "EnforcementAction_dashboard_regions_updated" AFTER UPDATE ON "EnforcementAction" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');
CREATE TRIGGER "EnforcementAction_dashboard_regions_deleted" AFTER DELETE ON "EnforcementAction" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');

CREATE TRIGGER "EnforcementOutcome_dashboard_regions_inserted" AFTER INSERT ON "EnforcementOutcome" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('action');
CREATE TRIGGER "EnforcementOutcome_dashboard_regions_updated" AFTER UPDATE ON "EnforcementOutcome" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('action');
CREATE TRIGGER "EnforcementOutcome_dashboard_regions_deleted" AFTER DELETE ON "EnforcementOutcome" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('action');

CREATE TRIGGER "Attendance_dashboard_regions_inserted" AFTER INSERT ON "Attendance" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');
CREATE TRIGGER "Attendance_dashboard_regions_updated" AFTER UPDATE ON "Attendance" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');
CREATE TRIGGER "Attendance_dashboard_regions_deleted" AFTER DELETE ON "Attendance" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');

CREATE TRIGGER "EteCredit_dashboard_regions_inserted" AFTER INSERT ON "EteCredit" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');
CREATE TRIGGER "EteCredit_dashboard_regions_updated" AFTER UPDATE ON "EteCredit" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');
CREATE TRIGGER "EteCredit_dashboard_regions_deleted" AFTER DELETE ON "EteCredit" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');

CREATE TRIGGER "Allocation_dashboard_regions_inserted" AFTER INSERT ON "Allocation" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');
CREATE TRIGGER "Allocation_dashboard_regions_updated" AFTER UPDATE ON "Allocation" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');
CREATE TRIGGER "Allocation_dashboard_regions_deleted" AFTER DELETE ON "Allocation" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');

CREATE TRIGGER "Review_dashboard_regions_inserted" AFTER INSERT ON "Review" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');
CREATE TRIGGER "Review_dashboard_regions_updated" AFTER UPDATE ON "Review" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');
CREATE TRIGGER "Review_dashboard_regions_deleted" AFTER DELETE ON "Review" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');

CREATE TRIGGER "Approval_dashboard_regions_inserted" AFTER INSERT ON "Approval" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('region');
CREATE TRIGGER "Approval_dashboard_regions_updated" AFTER UPDATE ON "Approval" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('region');
CREATE TRIGGER "Approval_dashboard_regions_deleted" AFTER DELETE ON "Approval" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('region');

CREATE TRIGGER "EarnedReductionDecision_dashboard_regions_inserted" AFTER INSERT ON "EarnedReductionDecision" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');
CREATE TRIGGER "EarnedReductionDecision_dashboard_regions_updated" AFTER UPDATE ON "EarnedReductionDecision" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');
CREATE TRIGGER "EarnedReductionDecision_dashboard_regions_deleted" AFTER DELETE ON "EarnedReductionDecision" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement');

CREATE TRIGGER "Region_dashboard_regions_inserted" AFTER INSERT ON "Region" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('self');
CREATE TRIGGER "Region_dashboard_regions_updated" AFTER UPDATE ON "Region" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('self');
CREATE TRIGGER "Region_dashboard_regions_deleted" AFTER DELETE ON "Region" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('self');

CREATE TRIGGER "BankHoliday_dashboard_regions_inserted" AFTER INSERT ON "BankHoliday" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('all');
CREATE TRIGGER "BankHoliday_dashboard_regions_updated" AFTER UPDATE ON "BankHoliday" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('all');
CREATE TRIGGER "BankHoliday_dashboard_regions_deleted" AFTER DELETE ON "BankHoliday" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('all');

CREATE TRIGGER "PolicySetting_dashboard_regions_inserted" AFTER INSERT ON "PolicySetting" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('all');
CREATE TRIGGER "PolicySetting_dashboard_regions_updated" AFTER UPDATE ON "PolicySetting" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('all');
CREATE TRIGGER "PolicySetting_dashboard_regions_deleted" AFTER DELETE ON "PolicySetting" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('all');
