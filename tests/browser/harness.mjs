// Shared set-up for the browser tests: Debian's Chromium through
// playwright-core (never a downloaded browser), a phone-sized page, and the
// checks every page must pass (accessibility with axe-core, no sideways
// scrolling), with a screenshot of each page for review.
import { chromium } from "playwright-core";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import assert from "node:assert/strict";

export const BASE = process.env.BASE_URL ?? "http://127.0.0.1:8080";
export const SHOTS = process.env.SCREENSHOT_DIR ?? "screenshots";
mkdirSync(SHOTS, { recursive: true });

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    // The machine's network is closed: without these Chromium keeps trying
    // to reach Google's services.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

// phone opens a fresh browser context the size of a common phone.
export async function phone(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  page.on("pageerror", (e) => { throw new Error(`script error on ${page.url()}: ${e.message}`); });
  return { context, page };
}

// check runs the checks every page must pass, then saves a screenshot.
export async function check(page, name) {
  await page.waitForLoadState("networkidle");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `${name}: the page scrolls sideways by ${overflow}px on a 390px phone`);
  await page.addScriptTag({ content: axeSource }).catch(async () => {
    // A strict Content-Security-Policy refuses inline scripts; evaluate instead.
    await page.evaluate(axeSource);
  });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), [],
    `${name}: accessibility violations`);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await page.screenshot({ path: `${SHOTS}/${name}.screen.png` }); // the first screen on the phone
}

// signUp creates an account through the sign-up form and leaves the page
// on /today.
export async function signUp(page, email, role = "lifter") {
  await page.goto(`${BASE}/signup`);
  await page.fill("#email", email);
  await page.fill("#password", "correct horse battery");
  await page.check(`input[name=role][value=${role}]`);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/today/);
}

export const byTest = (id) => `[data-testid="${id}"]`;
