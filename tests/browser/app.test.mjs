// The web app as a lifter uses it on a phone: sign up, check in, see the
// adapted session, log sets, follow the guided core session, import an
// export, and read the return plan.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BASE, launch, phone, check, signUp, byTest } from "./harness.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const unique = (name) => `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

test("the log-in and sign-up pages", async () => {
  const { context, page } = await phone(browser);
  await page.goto(`${BASE}/login`);
  await check(page, "login");
  await page.goto(`${BASE}/signup`);
  await check(page, "signup");
  await context.close();
});

test("a lifter checks in with pain 6 and sees the adapted session", async () => {
  const { context, page } = await phone(browser);
  await signUp(page, unique("lifter"));
  // A session to plan from, logged at the gym.
  await page.goto(`${BASE}/log`);
  await check(page, "log-empty");
  for (const [name, weight, reps] of [["Squat (Barbell)", "140", "5"], ["Good Morning (Barbell)", "60", "8"], ["Leg Press", "200", "10"]]) {
    await page.fill(byTest("log-exercise"), name);
    await page.fill(byTest("log-weight"), weight);
    await page.fill(byTest("log-reps"), reps);
    await page.click(byTest("log-submit"));
    await page.waitForLoadState("networkidle");
  }
  await page.click(byTest("log-repeat"));
  await page.waitForLoadState("networkidle");
  assert.ok(await page.locator(byTest("logged-set")).count() >= 4, "logged sets are listed");
  await check(page, "log");

  await page.goto(`${BASE}/today`);
  await check(page, "today-checkin");
  await page.locator(byTest("pain-slider")).fill("6");
  await page.click(byTest("checkin-submit"));
  await page.waitForURL(/\/today/);
  await page.waitForLoadState("networkidle");
  assert.match(await page.locator(byTest("zone")).first().innerText(), /red/i);
  const items = page.locator(byTest("adapted-item"));
  assert.ok(await items.count() >= 3, "the adapted session lists its items");
  const actions = await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-action")));
  assert.ok(actions.includes("reduce"), `the squat is reduced: ${actions}`);
  assert.ok(actions.includes("substitute"), `the good morning is swapped: ${actions}`);
  assert.ok(actions.includes("add"), `core work is added: ${actions}`);
  assert.ok(await page.locator(byTest("item-why")).count() >= 3, "every change says why");
  await check(page, "today-adapted");
  await context.close();
});

test("a red flag shows only the clinician message", async () => {
  const { context, page } = await phone(browser);
  await signUp(page, unique("flag"));
  await page.goto(`${BASE}/today`);
  await page.locator(byTest("pain-slider")).fill("3");
  const box = page.locator("input[name=red_flag][value=saddle-numbness]");
  if (!(await box.isVisible())) await page.locator("details summary").first().click();
  await box.check();
  await page.click(byTest("checkin-submit"));
  await page.waitForURL(/\/today/);
  await page.waitForLoadState("networkidle");
  await page.locator(byTest("clinician-message")).waitFor();
  assert.equal(await page.locator(byTest("adapted-item")).count(), 0, "no training advice with a red flag");
  await check(page, "today-red-flag");
  await context.close();
});

test("the guided core session runs through with the clock sped up", async () => {
  const { context, page } = await phone(browser);
  await signUp(page, unique("core"));
  await page.goto(`${BASE}/core?speed=100`);
  await check(page, "core");
  // Follow the routine on the fast clock: press Start whenever a new
  // exercise waits for it, until the end.
  const done = page.locator(byTest("core-done"));
  const start = page.locator(byTest("core-start"));
  for (let i = 0; i < 600 && !(await done.isVisible()); i++) {
    if (await start.isVisible()) await start.click();
    await page.waitForTimeout(50);
  }
  assert.ok(await done.isVisible(), "the routine reaches its end");
  await check(page, "core-done");
  await page.click(byTest("core-finish"));
  await page.waitForLoadState("networkidle");
  await page.goto(`${BASE}/history`);
  assert.match(await page.locator("main").innerText(), /Guided core session/);
  await check(page, "history");
  await context.close();
});

test("an export is imported with progress and a summary", async () => {
  const { context, page } = await phone(browser);
  await signUp(page, unique("import"));
  const dir = mkdtempSync(join(tmpdir(), "backload-"));
  const file = join(dir, "strong.csv");
  let csv = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n";
  for (let d = 1; d <= 28; d++) {
    const day = `2026-10-${String(d).padStart(2, "0")} 07:00:00`;
    csv += `${day},"Legs",1h,"Squat (Barbell)",W,60,5,0,0,,,\n`;
    for (let s = 1; s <= 3; s++) csv += `${day},"Legs",1h,"Squat (Barbell)",${s},140,5,0,0,,,8\n`;
  }
  writeFileSync(file, csv);
  await page.goto(`${BASE}/import`);
  await check(page, "import");
  await page.setInputFiles(byTest("import-file"), file);
  await page.click(byTest("import-submit"));
  await page.locator(byTest("import-summary")).waitFor();
  const summary = await page.locator(byTest("import-summary")).innerText();
  assert.match(summary, /28 new sessions/);
  assert.match(summary, /112 added/);
  await check(page, "import-summary");
  await context.close();
});

test("the return plan after a flare", async () => {
  const { context, page } = await phone(browser);
  await signUp(page, unique("plan"));
  await page.goto(`${BASE}/plan`);
  await check(page, "plan-no-flare");
  // A flare three weeks ago that settled, and the sessions around it,
  // entered through the API from the signed-in page.
  await page.evaluate(async () => {
    const day = (n) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);
    const post = (path, body) => fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
      .then((r) => { if (!r.ok) throw new Error(`${path}: ${r.status}`); });
    const squat = (n, kg) => ({ started_at: `${day(n)}T07:00:00Z`, title: "Lower", exercises: [
      { input: "Squat (Barbell)", sets: [1, 2, 3].map(() => ({ kind: "working", weight_kg: kg, reps: 5 })) },
      { input: "Deadlift (Barbell)", sets: [1, 2, 3].map(() => ({ kind: "working", weight_kg: kg + 40, reps: 5 })) }] });
    await post("/api/v1/sessions", squat(40, 140));
    await post("/api/v1/sessions", squat(30, 140));
    await post("/api/v1/sessions", squat(2, 80));
    for (let n = 24; n >= 1; n--) await post("/api/v1/checkins", { date: day(n), pain: n >= 21 && n <= 23 ? 7 : 1 });
  });
  await page.goto(`${BASE}/plan`);
  await page.locator(byTest("ramp-this-week")).waitFor();
  assert.ok(await page.locator(byTest("ramp-week")).count() >= 4, "the plan lists its weeks");
  await check(page, "plan-return");
  // The same history on the progress charts and in the physio report.
  await page.goto(`${BASE}/progress?range=12w`);
  await page.locator(byTest("chart-spinal")).waitFor();
  assert.ok(await page.locator(`${byTest("chart-spinal")} svg title`).count() >= 1, "the spinal load chart has a title");
  await check(page, "progress");
  await page.goto(`${BASE}/report?range=12w`);
  assert.match(await page.locator("body").innerText(), /Flare/i);
  await check(page, "report");
  await context.close();
});

test("the exercise library, settings and history pages", async () => {
  const { context, page } = await phone(browser);
  await signUp(page, unique("pages"));
  for (const [path, name] of [["/exercises", "exercises"], ["/exercises?q=squat", "exercises-search"], ["/settings", "settings"], ["/history", "history-empty"]]) {
    await page.goto(`${BASE}${path}`);
    await check(page, name);
  }
  await context.close();
});
