export * from "./fields";
export * from "./form-state";
export { FormProblems, SuccessBanner } from "./form-problems";
export { SubmitButton } from "./submit-button";
