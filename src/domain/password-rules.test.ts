import { describe, expect, it } from "vitest";
import { passwordProblem, PASSWORD_MIN_LENGTH } from "./password-rules";

const account = { email: "sam.jones@demo.test" };

describe("the rules a new password must meet", () => {
  it("accepts a long passphrase", () => {
    expect(passwordProblem("correct horse battery", account)).toBeNull();
    expect(passwordProblem("a".repeat(3) + "bcd-efgh-ij", account)).toBeNull();
  });

  it("refuses an empty or short password, counting characters not bytes", () => {
    expect(passwordProblem("", account)).toBe("Enter a new password");
    expect(passwordProblem("x".repeat(PASSWORD_MIN_LENGTH - 2) + "yz".slice(0, 1), account)).toMatch(
      /at least 12 characters/,
    );
    expect(passwordProblem("ünïcödé-wörd", account)).toBeNull();
    expect(passwordProblem("🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂", account)).toMatch(/at least 12/);
  });

  it("refuses more than 200 characters, spaces at either end and one character repeated", () => {
    expect(passwordProblem("abcd".repeat(51), account)).toMatch(/200 characters or fewer/);
    expect(passwordProblem(" correct horse battery", account)).toMatch(/start or end with a space/);
    expect(passwordProblem("aaaaaaaaaaaaaaaa", account)).toMatch(/same few characters/);
    expect(passwordProblem("abababababababab", account)).toMatch(/same few characters/);
  });

  it("refuses the email address or its mailbox name inside the password", () => {
    expect(passwordProblem("sam.jones@demo.test", account)).toMatch(/email address/);
    expect(passwordProblem("my-Sam.Jones-password", account)).toMatch(/email address/);
  });
});
