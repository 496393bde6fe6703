export * from "./fields";
export * from "./form-state";
export { FormProblems } from "./form-problems";
export { SubmitButton } from "./submit-button";
