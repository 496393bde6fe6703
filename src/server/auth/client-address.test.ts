import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("the client address behind trusted proxies", () => {
  it("takes the entry the outermost trusted proxy added, ignoring what the client invented to its left", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(clientAddress(["6.6.6.6", "203.0.113.7"], 1)).toBe("203.0.113.7");
  });

  it("uses the connection's address Next fills in when there is no proxy", () => {
    expect(clientAddress("::1", 0)).toBe("::1");
  });

  it("never lets a forged prefix change the answer", () => {
    const real = clientAddress("198.51.100.4", 1);
    expect(clientAddress("1.1.1.1, 2.2.2.2, 198.51.100.4", 1)).toBe(real);
  });

  it("says unknown for nothing or garbage", () => {
    expect(clientAddress(undefined, 1)).toBe("unknown");
    expect(clientAddress("", 0)).toBe("unknown");
    expect(clientAddress("<script>", 1)).toBe("unknown");
    expect(clientAddress("10.0.0.1", 3)).toBe("10.0.0.1");
  });
});
