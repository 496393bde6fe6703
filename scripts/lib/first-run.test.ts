import net from "node:net";
import { describe, expect, it } from "vitest";
import { FirstRunProblem, assertPortFree, explainFailure, isDiskFull, portHolder } from "./first-run";

describe("first-run messages", () => {
  it("a full disk is one sentence, however it was reported", () => {
    const sentence =
      "The disk is full (no space left on device). Free some space and run the command again; nothing half-done is kept.";
    expect(explainFailure(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }))).toBe(
      sentence,
    );
    expect(
      explainFailure(
        Object.assign(new Error('could not extend file "base/16384/1259": No space left on device'), { code: "53100" }),
      ),
    ).toBe(sentence);
    expect(isDiskFull(new Error("connection refused"))).toBe(false);
  });

  it("a problem we understand is printed as it is, anything else by its message without the stack", () => {
    expect(explainFailure(new FirstRunProblem("Do this."))).toBe("Do this.");
    const error = new Error("something odd");
    expect(explainFailure(error)).toBe("something odd");
  });

  it("a taken port names the process holding it and the next free port", async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      expect(portHolder(port)).toMatch(new RegExp(`^node \\(process ${process.pid}`));
      await expect(assertPortFree(port, "127.0.0.1", "the web server", "PORT", "npm run demo")).rejects.toThrow(
        new RegExp(
          `^Port ${port} \\(the web server\\) is already in use by node \\(process ${process.pid}.*choose another port, for example: PORT=\\d+ npm run demo\\.$`,
        ),
      );
    } finally {
      holder.close();
    }
    await expect(assertPortFree(port, "127.0.0.1", "the web server", "PORT", "npm run demo")).resolves.toBeUndefined();
  });
});
