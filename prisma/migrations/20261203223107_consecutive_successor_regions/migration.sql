-- CreateIndex
CREATE INDEX "Requirement_relatedRequirementId_idx" ON "Requirement"("relatedRequirementId");

-- A requirement's change also changes the figures of the requirements that run after it
-- (docs/decisions/0077): a consecutive requirement waits for the earlier one, and its start deadline
-- and dormancy count from the day that one ended. Such a requirement may be in another region (a
-- transfer), so a change to a requirement now notes the regions of the requirements whose
-- "relatedRequirementId" names it too (kind 'requirement-row', the index above keeps it one lookup).
-- Same conventions as 20261203181700_dashboard_region_versions: E'' bodies, \073 for each semicolon.
CREATE OR REPLACE FUNCTION "dashboard_regions_touched"() RETURNS trigger LANGUAGE plpgsql AS E'
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
    WHEN ''requirement-row'' THEN ''SELECT t."regionId"::text FROM %1$I t UNION ALL SELECT r."regionId"::text FROM "Requirement" r WHERE r."relatedRequirementId" IN (SELECT t."id" FROM %1$I t)''
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

DROP TRIGGER "Requirement_dashboard_regions_inserted" ON "Requirement";
DROP TRIGGER "Requirement_dashboard_regions_updated" ON "Requirement";
DROP TRIGGER "Requirement_dashboard_regions_deleted" ON "Requirement";
CREATE TRIGGER "Requirement_dashboard_regions_inserted" AFTER INSERT ON "Requirement" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement-row');
CREATE TRIGGER "Requirement_dashboard_regions_updated" AFTER UPDATE ON "Requirement" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement-row');
CREATE TRIGGER "Requirement_dashboard_regions_deleted" AFTER DELETE ON "Requirement" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_regions_touched"('requirement-row');
