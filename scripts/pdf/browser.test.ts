import { expect, it } from "vitest";
import { chromiumPath, launchBrowser, pagedMediaProblem } from "./browser.ts";
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

it("accepts Chromium 131 and later for the PDFs, and names the fix for an older one", () => {
  expect(pagedMediaProblem("156.0.8078.114", {})).toBeUndefined();
  expect(pagedMediaProblem("131.0.6778.85", {})).toBeUndefined();
  const old = pagedMediaProblem("120.0.6099.224", {})!;
  expect(old.code).toBe("chromium-too-old");
  expect(old.message).toBe(
    "the Chromium at /usr/bin/chromium is version 120.0.6099.224; the PDFs need Chromium 131 or later, whose printing lays out the running heads and page numbers",
  );
  expect(old.fix).toMatch(/apt-get install -y chromium.*CHROMIUM_PATH.*--no-pdf/);
  expect(pagedMediaProblem("120.0.6099.224", { CHROMIUM_PATH: "/opt/chrome" })!.fix).toMatch(/^set CHROMIUM_PATH to a Chromium 131 or later/);
});
