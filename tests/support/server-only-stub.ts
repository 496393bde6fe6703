// Lets server-only modules be imported by vitest (Next enforces the real boundary in builds).
export {};
