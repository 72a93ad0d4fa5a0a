import { expect, it } from "vitest";
import { chromiumPath, launchBrowser } from "./browser.ts";
import { pdfMessages } from "./messages.ts";

it("uses CHROMIUM_PATH when set, else Debian's /usr/bin/chromium", () => {
  expect(chromiumPath({ CHROMIUM_PATH: "/opt/chromium/chrome" })).toEqual({ path: "/opt/chromium/chrome", fromEnv: true });
  expect(chromiumPath({})).toEqual({ path: "/usr/bin/chromium", fromEnv: false });
});

it("names CHROMIUM_PATH when the browser it points at is missing", async () => {
  await expect(launchBrowser({ CHROMIUM_PATH: "/nonexistent/chromium" })).rejects.toThrow(
    /no Chromium browser was found at \/nonexistent\/chromium \(the path set in CHROMIUM_PATH\).*correct CHROMIUM_PATH/,
  );
});

it("gives the install command when the default Chromium is missing", () => {
  expect(pdfMessages.chromiumMissing("/usr/bin/chromium", false).fix).toContain("apt-get install -y chromium");
});

it("starts the real Chromium", async () => {
  const browser = await launchBrowser({});
  expect(browser.version()).toMatch(/^\d+\./);
  await browser.close();
});
