import { z } from "zod";
import { defineRoute } from "../route-spec";

export const issueTokenBody = z
  .object({
    email: z.string().trim().min(1, "Enter an email address").max(320),
    password: z.string().min(1, "Enter a password").max(200),
  })
  .strict()
  .meta({ title: "TokenRequest" });

export const issuedToken = z
  .object({
    token: z.string().describe("Send as `Authorization: Bearer <token>`. Shown once; only its hash is stored."),
    expiresAt: z.iso.datetime().describe("When the token stops working (12 hours after issue)."),
  })
  .meta({ title: "IssuedToken" });

export const issueTokenRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/token",
  tag: "Authentication",
  summary: "Sign in with email and password and get a bearer token",
  description: "Rate-limited with the sign-in form: repeated failures for an email are refused for a while (429).",
  auth: "none",
  body: issueTokenBody,
  response: issuedToken,
  extraResponses: {
    401: "Wrong email or password, or the account is deactivated",
    429: "Too many failed attempts for this email",
  },
});
