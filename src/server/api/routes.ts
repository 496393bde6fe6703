import type { ApiRouteSpec } from "./route-spec";
import { issueTokenRoute } from "./contracts/auth-token";
import { meRoute } from "./contracts/me";
import { openApiRoute } from "./contracts/openapi";
import { recordAttendanceRoute } from "./contracts/attendance";
import { correctEteCreditRoute, creditEteRoute, removeEteCreditRoute } from "./contracts/ete-credits";
import { recordExtensionRoute } from "./contracts/extensions";
import {
  listEnforcementRoute,
  recordBreachOutcomeRoute,
  startEnforcementRoute,
  withdrawEnforcementRoute,
} from "./contracts/enforcement";
import { decideApprovalRoute, listApprovalsRoute } from "./contracts/approvals";
import {
  createCaseRoute,
  getCaseRoute,
  listCasesRoute,
  saveAssessmentRoute,
  terminateCaseRoute,
} from "./contracts/cases";
import { dashboardBacklogRoute, dashboardDormantRoute, dashboardSummaryRoute } from "./contracts/dashboard";
import {
  allocateRoute,
  createPlacementRoute,
  createSessionRoute,
  getSessionRoute,
} from "./contracts/placements-sessions";
import { closeSessionRoute } from "./contracts/close-session";
import { reopenSessionRoute } from "./contracts/reopen-session";
import { recordIncidentRoute } from "./contracts/incidents";
import { recordReviewRoute } from "./contracts/reviews";
import {
  cancelAllocationRoute,
  cancelSessionRoute,
  moveAllocationRoute,
  standDownSessionRoute,
  updatePlacementRoute,
  updateSessionRoute,
} from "./contracts/scheduling";
import { decideEarnedReductionRoute } from "./contracts/earned-reduction";
import {
  acceptTransferRoute,
  declineTransferRoute,
  listIncomingTransfersRoute,
  requestTransferRoute,
} from "./contracts/transfers";
import { getRuleCommencementsRoute, putRuleCommencementsRoute } from "./contracts/rule-commencements";
import { allocateManyRoute, requestBookingOverrideRoute } from "./contracts/allocate-many";

// Every /api/v1 route's contract, in the order the OpenAPI document lists them. An explicit
// list (not registration as a side effect of importing route files) keeps the document the
// same whatever Next bundles. Adding a route: define its spec in ./contracts/, add ONE line here.
// routes.test.ts fails if a spec has no route file, or a route file has no spec.
export const API_ROUTES: readonly ApiRouteSpec[] = [
  issueTokenRoute,
  meRoute,
  openApiRoute,
  createCaseRoute,
  listCasesRoute,
  getCaseRoute,
  saveAssessmentRoute,
  createPlacementRoute,
  createSessionRoute,
  getSessionRoute,
  allocateRoute,
  allocateManyRoute,
  requestBookingOverrideRoute,
  recordAttendanceRoute,
  creditEteRoute,
  correctEteCreditRoute,
  removeEteCreditRoute,
  recordExtensionRoute,
  recordReviewRoute,
  listEnforcementRoute,
  startEnforcementRoute,
  recordBreachOutcomeRoute,
  withdrawEnforcementRoute,
  listApprovalsRoute,
  decideApprovalRoute,
  dashboardSummaryRoute,
  dashboardBacklogRoute,
  dashboardDormantRoute,
  terminateCaseRoute,
  recordIncidentRoute,
  closeSessionRoute,
  reopenSessionRoute,
  updateSessionRoute,
  standDownSessionRoute,
  cancelSessionRoute,
  cancelAllocationRoute,
  moveAllocationRoute,
  updatePlacementRoute,
  decideEarnedReductionRoute,
  getRuleCommencementsRoute,
  putRuleCommencementsRoute,
  requestTransferRoute,
  listIncomingTransfersRoute,
  acceptTransferRoute,
  declineTransferRoute,
];
