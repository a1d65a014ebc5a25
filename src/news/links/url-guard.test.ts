import { describe, expect, it } from "bun:test";
import { guardUrl, isPublicAddress } from "./url-guard";

describe("isPublicAddress", () => {
  it("accepts only public unicast addresses, IPv4 and IPv6", () => {
    const verdicts = Object.fromEntries(
      [
        "8.8.8.8",
        "2606:4700:4700::1111",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "127.0.0.1",
        "127.8.8.8",
        "169.254.169.254",
        "0.0.0.0",
        "224.0.0.1",
        "100.64.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.1.2.3",
        "::ffff:8.8.8.8",
        "not an ip",
      ].map((ip) => [ip, isPublicAddress(ip)]),
    );
    expect(verdicts).toEqual({
      "8.8.8.8": true,
      "2606:4700:4700::1111": true,
      "10.0.0.1": false,
      "172.16.5.4": false,
      "192.168.1.1": false,
      "127.0.0.1": false,
      "127.8.8.8": false,
      "169.254.169.254": false,
      "0.0.0.0": false,
      "224.0.0.1": false,
      "100.64.0.1": false,
      "255.255.255.255": false,
      "::1": false,
      "::": false,
      "fe80::1": false,
      "fc00::1": false,
      "fd12:3456::1": false,
      "ff02::1": false,
      "::ffff:127.0.0.1": false,
      "::ffff:10.1.2.3": false,
      "::ffff:8.8.8.8": true,
      "not an ip": false,
    });
  });

  it("lets loopback through only when allowed, and nothing else private", () => {
    expect(isPublicAddress("127.0.0.1", true)).toBe(true);
    expect(isPublicAddress("::1", true)).toBe(true);
    expect(isPublicAddress("10.0.0.1", true)).toBe(false);
    expect(isPublicAddress("169.254.169.254", true)).toBe(false);
  });
});

describe("guardUrl", () => {
  const resolveTo =
    (table: Record<string, string[]>) =>
    async (host: string): Promise<readonly string[]> => {
      const found = table[host];
      if (!found) throw new Error(`ENOTFOUND ${host}`);
      return found;
    };
  const options = {
    allowLoopback: false,
    resolve: resolveTo({
      "news.example": ["93.184.216.34", "2606:2800:220:1::1"],
      "sneaky.example": ["93.184.216.34", "10.0.0.7"],
      "metadata.example": ["169.254.169.254"],
    }),
  };
  const reasonOf = async (url: string) => {
    const result = await guardUrl(url, options);
    return result.ok ? "ok" : result.reason;
  };

  it("accepts http and https links whose every address is public", async () => {
    expect(await reasonOf("https://news.example/a")).toBe("ok");
    expect(await reasonOf("http://8.8.8.8/")).toBe("ok");
  });

  it("refuses other schemes, credentials, Telegram links, private and unresolved hosts", async () => {
    expect({
      ftp: await reasonOf("ftp://news.example/a"),
      file: await reasonOf("file:///etc/passwd"),
      credentials: await reasonOf("https://user:pw@news.example/"),
      telegram: await reasonOf("https://t.me/somechannel/12"),
      mixed: await reasonOf("https://sneaky.example/"),
      metadata: await reasonOf("http://metadata.example/latest"),
      literalV6: await reasonOf("http://[::1]:8080/"),
      literalMapped: await reasonOf("http://[::ffff:7f00:1]/"),
      decimalLoopback: await reasonOf("http://2130706433/"),
      unknown: await reasonOf("https://nowhere.example/"),
      garbage: await reasonOf("not a url"),
    }).toEqual({
      ftp: "bad_url",
      file: "bad_url",
      credentials: "bad_url",
      telegram: "telegram_link",
      mixed: "refused_address",
      metadata: "refused_address",
      literalV6: "refused_address",
      literalMapped: "refused_address",
      decimalLoopback: "refused_address",
      unknown: "unresolved",
      garbage: "bad_url",
    });
  });
});
