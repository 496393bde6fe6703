-- CreateTable
CREATE TABLE "KeptCaseView" (
    "requirementId" UUID NOT NULL,
    "asOf" DATE NOT NULL,
    "rulesKey" TEXT NOT NULL,
    "build" TEXT NOT NULL,
    "view" TEXT NOT NULL,

    CONSTRAINT "KeptCaseView_pkey" PRIMARY KEY ("requirementId")
);

-- Case views kept for GET /api/v1/cases (docs/decisions/0101-kept-case-views.md). They are kept by
-- the figure facts' marks (0090): the facts refresh deletes the kept views of every requirement it
-- replaces. A case view reads some tables the figures do not, so those now mark too:
-- - a Requirement row written marks the requirement it names as its earlier or concurrent order too
--   (old and new): a concurrent case's view shows its partner's credits, and a relation made,
--   changed or removed changes both cases (the facts refresh adds the partners of what it replaces)
-- - Assessment (the risk level, ETE eligibility…) and AssessmentRiskCode, by their requirement
-- - an UPDATE that changes what a case view shows of a shared row: a risk code's code, a region's
--   code or over-subscription percentage (its requirements', and those with a transfer to it), a
--   PDU's code, a placement's type (which credits are ETE, individual or induction) and a session's
--   placement. Other updates to those rows (a session closed, a placement renamed) mark nothing.
--   Inserting or deleting such a row changes no case until a row of the tables above refers to it
--   (or stops doing so), and those mark.
-- The rows that matter are found first (from the statement's transition tables, a few rows), so an
-- update that changes nothing shown costs one small query, and the requirements behind them are
-- found through the indexes, by one query per kind. Any TRUNCATE marks every requirement. Bodies
-- as E'' strings with \073 for each semicolon (the migration runner splits scripts at every
-- semicolon).
CREATE FUNCTION "case_views_touched"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  kind text := TG_ARGV[0]\073
  ids uuid[]\073
  rows_of text\073
  requirements text\073
BEGIN
  IF TG_OP = ''TRUNCATE'' THEN
    INSERT INTO "FigureFactMark" ("requirementId") VALUES (NULL)\073
    RETURN NULL\073
  END IF\073
  IF kind IN (''related'', ''assessment'') THEN
    rows_of := CASE kind WHEN ''related'' THEN ''SELECT t."relatedRequirementId" FROM %1$I t''
                         ELSE ''SELECT t."assessmentId" FROM %1$I t'' END\073
    rows_of := CASE TG_OP
      WHEN ''INSERT'' THEN format(rows_of, ''new_rows'')
      WHEN ''DELETE'' THEN format(rows_of, ''old_rows'')
      ELSE format(rows_of, ''new_rows'') || '' UNION '' || format(rows_of, ''old_rows'')
    END\073
  ELSE
    rows_of := ''SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE '' || CASE kind
      WHEN ''riskCode'' THEN ''n."code" IS DISTINCT FROM o."code"''
      WHEN ''region'' THEN ''n."code" IS DISTINCT FROM o."code" OR n."overSubscriptionPercent" IS DISTINCT FROM o."overSubscriptionPercent"''
      WHEN ''pdu'' THEN ''n."code" IS DISTINCT FROM o."code"''
      WHEN ''placement'' THEN ''n."type" IS DISTINCT FROM o."type"''
      WHEN ''session'' THEN ''n."placementId" IS DISTINCT FROM o."placementId"''
      ELSE ''FALSE''
    END\073
  END IF\073
  EXECUTE ''SELECT array_agg(s.x) FROM ('' || rows_of || '') s(x) WHERE s.x IS NOT NULL'' INTO ids\073
  IF ids IS NULL THEN RETURN NULL\073 END IF\073
  requirements := CASE kind
    WHEN ''related'' THEN ''SELECT unnest($1)''
    WHEN ''assessment'' THEN ''SELECT s."requirementId" FROM "Assessment" s WHERE s."id" = ANY($1)''
    WHEN ''riskCode'' THEN ''SELECT s."requirementId" FROM "Assessment" s JOIN "AssessmentRiskCode" arc ON arc."assessmentId" = s."id" WHERE arc."riskCodeId" = ANY($1)''
    WHEN ''region'' THEN ''SELECT r."id" FROM "Requirement" r WHERE r."regionId" = ANY($1) UNION SELECT tr."requirementId" FROM "RequirementTransfer" tr WHERE tr."toRegionId" = ANY($1)''
    WHEN ''pdu'' THEN ''SELECT r."id" FROM "Requirement" r WHERE r."pduId" = ANY($1)''
    WHEN ''placement'' THEN ''SELECT a."requirementId" FROM "Attendance" a JOIN "Allocation" al ON al."id" = a."allocationId" JOIN "Session" se ON se."id" = al."sessionId" WHERE se."placementId" = ANY($1)''
    WHEN ''session'' THEN ''SELECT a."requirementId" FROM "Attendance" a JOIN "Allocation" al ON al."id" = a."allocationId" WHERE al."sessionId" = ANY($1)''
  END\073
  EXECUTE ''INSERT INTO "FigureFactMark" ("requirementId") SELECT DISTINCT s.x FROM ('' || requirements || '') s(x) WHERE s.x IS NOT NULL'' USING ids\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Requirement_case_views_related_inserted" AFTER INSERT ON "Requirement" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('related');
CREATE TRIGGER "Requirement_case_views_related_updated" AFTER UPDATE ON "Requirement" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('related');
CREATE TRIGGER "Requirement_case_views_related_deleted" AFTER DELETE ON "Requirement" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('related');

CREATE TRIGGER "Assessment_figure_facts_inserted" AFTER INSERT ON "Assessment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "Assessment_figure_facts_updated" AFTER UPDATE ON "Assessment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "Assessment_figure_facts_deleted" AFTER DELETE ON "Assessment" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('requirement');
CREATE TRIGGER "Assessment_figure_facts_truncated" AFTER TRUNCATE ON "Assessment"
  FOR EACH STATEMENT EXECUTE FUNCTION "figure_facts_touched"('all');

CREATE TRIGGER "AssessmentRiskCode_case_views_inserted" AFTER INSERT ON "AssessmentRiskCode" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('assessment');
CREATE TRIGGER "AssessmentRiskCode_case_views_updated" AFTER UPDATE ON "AssessmentRiskCode" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('assessment');
CREATE TRIGGER "AssessmentRiskCode_case_views_deleted" AFTER DELETE ON "AssessmentRiskCode" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('assessment');
CREATE TRIGGER "AssessmentRiskCode_case_views_truncated" AFTER TRUNCATE ON "AssessmentRiskCode"
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('all');

CREATE TRIGGER "RiskCode_case_views_updated" AFTER UPDATE ON "RiskCode" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('riskCode');
CREATE TRIGGER "RiskCode_case_views_truncated" AFTER TRUNCATE ON "RiskCode"
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('all');

CREATE TRIGGER "Region_case_views_updated" AFTER UPDATE ON "Region" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('region');
CREATE TRIGGER "Region_case_views_truncated" AFTER TRUNCATE ON "Region"
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('all');

CREATE TRIGGER "Pdu_case_views_updated" AFTER UPDATE ON "Pdu" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('pdu');
CREATE TRIGGER "Pdu_case_views_truncated" AFTER TRUNCATE ON "Pdu"
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('all');

CREATE TRIGGER "Placement_case_views_updated" AFTER UPDATE ON "Placement" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('placement');
CREATE TRIGGER "Placement_case_views_truncated" AFTER TRUNCATE ON "Placement"
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('all');

CREATE TRIGGER "Session_case_views_updated" AFTER UPDATE ON "Session" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('session');
CREATE TRIGGER "Session_case_views_truncated" AFTER TRUNCATE ON "Session"
  FOR EACH STATEMENT EXECUTE FUNCTION "case_views_touched"('all');
