-- CreateTable
CREATE TABLE "DashboardDataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DashboardDataVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DashboardSnapshot" (
    "scopeKey" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "dataMarker" BIGINT NOT NULL,
    "figures" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DashboardSnapshot_pkey" PRIMARY KEY ("scopeKey")
);

-- CreateIndex
CREATE INDEX "DashboardSnapshot_dataMarker_idx" ON "DashboardSnapshot"("dataMarker");

-- The one counter row (docs/decisions/0015-dashboard-figures-cache.md).
INSERT INTO "DashboardDataVersion" ("id", "version") VALUES (1, 0);

-- Bumps the counter once per transaction that writes any table the dashboard figures read. It runs
-- at COMMIT (deferred constraint triggers), so the counter's row lock is taken last and held only
-- while committing: no lock-order deadlock with the transaction's other row locks, and the new
-- version becomes visible in the same instant as the data it stands for. A transaction-local
-- setting makes the second and later rows of a transaction cost no update.
-- The body is an E'' string with \073 for each semicolon because the migration runner
-- (adapter-pg executeScript) splits scripts at every semicolon, dollar quotes included.
CREATE FUNCTION "dashboard_data_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF current_setting(''dashboard.data_changed'', true) IS DISTINCT FROM ''yes'' THEN
    PERFORM set_config(''dashboard.data_changed'', ''yes'', true)\073
    UPDATE "DashboardDataVersion" SET "version" = "version" + 1, "changedAt" = clock_timestamp() WHERE "id" = 1\073
  END IF\073
  RETURN NULL\073
END
';

CREATE CONSTRAINT TRIGGER "Requirement_dashboard_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "Requirement"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "dashboard_data_changed"();
CREATE TRIGGER "Requirement_dashboard_data_truncated" AFTER TRUNCATE ON "Requirement" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_data_changed"();

CREATE CONSTRAINT TRIGGER "Person_dashboard_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "Person"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "dashboard_data_changed"();
CREATE TRIGGER "Person_dashboard_data_truncated" AFTER TRUNCATE ON "Person" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_data_changed"();

CREATE CONSTRAINT TRIGGER "Extension_dashboard_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "Extension"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "dashboard_data_changed"();
CREATE TRIGGER "Extension_dashboard_data_truncated" AFTER TRUNCATE ON "Extension" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_data_changed"();

CREATE CONSTRAINT TRIGGER "EnforcementAction_dashboard_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "EnforcementAction"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "dashboard_data_changed"();
CREATE TRIGGER "EnforcementAction_dashboard_data_truncated" AFTER TRUNCATE ON "EnforcementAction" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_data_changed"();

CREATE CONSTRAINT TRIGGER "EnforcementOutcome_dashboard_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "EnforcementOutcome"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "dashboard_data_changed"();
CREATE TRIGGER "EnforcementOutcome_dashboard_data_truncated" AFTER TRUNCATE ON "EnforcementOutcome" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_data_changed"();

CREATE CONSTRAINT TRIGGER "Attendance_dashboard_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "Attendance"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "dashboard_data_changed"();
CREATE TRIGGER "Attendance_dashboard_data_truncated" AFTER TRUNCATE ON "Attendance" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_data_changed"();

CREATE CONSTRAINT TRIGGER "EteCredit_dashboard_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "EteCredit"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "dashboard_data_changed"();
CREATE TRIGGER "EteCredit_dashboard_data_truncated" AFTER TRUNCATE ON "EteCredit" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_data_changed"();

CREATE CONSTRAINT TRIGGER "Allocation_dashboard_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "Allocation"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "dashboard_data_changed"();
CREATE TRIGGER "Allocation_dashboard_data_truncated" AFTER TRUNCATE ON "Allocation" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_data_changed"();

CREATE CONSTRAINT TRIGGER "Review_dashboard_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "Review"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "dashboard_data_changed"();
CREATE TRIGGER "Review_dashboard_data_truncated" AFTER TRUNCATE ON "Review" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_data_changed"();

CREATE CONSTRAINT TRIGGER "BankHoliday_dashboard_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "BankHoliday"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "dashboard_data_changed"();
CREATE TRIGGER "BankHoliday_dashboard_data_truncated" AFTER TRUNCATE ON "BankHoliday" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_data_changed"();

CREATE CONSTRAINT TRIGGER "Approval_dashboard_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "Approval"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "dashboard_data_changed"();
CREATE TRIGGER "Approval_dashboard_data_truncated" AFTER TRUNCATE ON "Approval" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_data_changed"();
