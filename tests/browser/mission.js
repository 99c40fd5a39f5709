#!/usr/bin/env node
/* mission.js URL OUTDIR - the mission, in a real browser: Debian's
 * Chromium (headless, driven by playwright-core) asks `mednum-kg serve`
 * at URL which initiatives address mobility in the Indre, the way a user
 * would, and follows the answer to its entity page.
 *
 *   1. /: the YASGUI editor is drawn; the question goes into it (through
 *      the editor's CodeMirror object); the editor's run button is clicked;
 *      the results table lists Rur@linette, whose IRI links to the local
 *      entity page /id/initiative/rur-linette.          -> OUTDIR/query.png
 *   2. that link, clicked (YASR opens IRIs in a new tab: the popup is
 *      followed): the page is the entity page, h1 "Rur@linette", with
 *      passages from the notes whose evidence is marked (<mark>), and the
 *      site's style sheet loaded.                       -> OUTDIR/entity.png
 *
 * Throughout, in every tab: no console error, no uncaught exception, no
 * failed request, and no request to any host but 127.0.0.1 (those are
 * also aborted, so that nothing leaves the machine).
 *
 * Exit 0 when all holds, 1 with one "FAIL: ..." line per problem, 2 on
 * usage.  Node 20, CommonJS; the browser is /usr/bin/chromium unless
 * CHROMIUM names another.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const STEP_MS = 15000;          /* any one wait */
const TOTAL_MS = 50000;         /* the whole run (make check allows 60 s) */
const ENTITY_PATH = '/id/initiative/rur-linette';
const NAME = 'Rur@linette';

const QUESTION = [
  'PREFIX mn: <https://w3id.org/mednum-kg/def#>',
  'PREFIX schema: <http://schema.org/>',
  'PREFIX dcterms: <http://purl.org/dc/terms/>',
  'PREFIX igeo: <http://rdf.insee.fr/def/geo#>',
  '# which initiatives address mobility in the Indre?',
  'SELECT ?initiative ?name WHERE {',
  '  ?initiative a mn:Initiative ; schema:name ?name ;',
  '              dcterms:subject <https://w3id.org/mednum-kg/concept/theme/mobilite> ;',
  '              mn:inTerritory ?d .',
  '  ?d igeo:codeINSEE "36" .',
  '}',
  ''
].join('\n');

const problems = [];
const requests = [];

function problem(text) {
  problems.push(text);
  console.log('FAIL: ' + text);
}

/* Only the server under test: http(s)/ws(s) to 127.0.0.1, and the URLs
 * that never leave the page (data:, blob:, about:). */
function isLocal(url) {
  let u;

  try {
    u = new URL(url);
  } catch (e) {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:')
    return true;
  return /^(https?|wss?):$/.test(u.protocol) && u.hostname === '127.0.0.1';
}

/* Every request of every tab (a popup's first one included, which a
 * listener on the new page would miss): recorded; a foreign one, a failed
 * one or an HTTP error is a problem. */
function watchRequests(context) {
  context.on('request', (req) => {
    requests.push(req.method() + ' ' + req.url());
    if (!isLocal(req.url()))
      problem('request to another host: ' + req.method() + ' ' + req.url());
  });
  context.on('requestfailed', (req) => {
    /* the foreign ones are aborted on purpose, and reported above */
    if (isLocal(req.url()))
      problem('request failed: ' + req.method() + ' ' + req.url() + ': ' +
        (req.failure() ? req.failure().errorText : '?'));
  });
  context.on('response', (res) => {
    if (res.status() >= 400)
      problem('HTTP ' + res.status() + ' for ' + res.request().method() +
        ' ' + res.url());
  });
}

/* Console errors and uncaught exceptions of a tab. */
function watch(page, label) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();

      problem(label + ': console error: ' + msg.text() +
        (loc && loc.url ? ' (' + loc.url + ':' + loc.lineNumber + ')' : ''));
    }
  });
  page.on('pageerror', (err) => {
    problem(label + ': uncaught exception: ' + (err.stack || err.message));
  });
}

function check(cond, text) {
  if (!cond)
    problem(text);
  return !!cond;
}

/* Step 1: the query page, the question, the run button, the table. */
async function ask(page, base, outDir) {
  const response = await page.goto(base + '/', { waitUntil: 'load' });

  if (!check(response && response.ok(), 'GET / answered ' +
      (response ? response.status() : 'nothing')))
    return null;
  await page.locator('#yasgui .yasqe .CodeMirror').first()
    .waitFor({ state: 'visible' });
  /* The tab's editor is a Yasqe, a CodeMirror 5 instance: CodeMirror
   * hangs it on its wrapper element. */
  const set = await page.evaluate((q) => {
    const w = document.querySelector('#yasgui .tabPanel.active .yasqe .CodeMirror') ||
      document.querySelector('#yasgui .yasqe .CodeMirror');
    const cm = w && w.CodeMirror;

    if (!cm || typeof cm.setValue !== 'function')
      return null;
    cm.setValue(q);
    cm.focus();
    return cm.getValue();
  }, QUESTION);

  if (!check(set === QUESTION, 'the editor did not take the question (got ' +
      JSON.stringify(set) + ')'))
    return null;

  const button = page.locator('#yasgui .tabPanel.active .yasqe_queryButton');
  const answered = page.waitForResponse((res) =>
    new URL(res.url()).pathname === '/sparql');

  await button.click();
  const res = await answered;

  check(res.ok(), 'the query was answered ' + res.status() + ': ' +
    (await res.text().catch(() => '')).slice(0, 300));
  /* what ran is what the editor holds */
  const req = res.request();
  const type = (await req.headerValue('content-type')) || '';
  const sent = req.method() !== 'POST' ?
    new URL(req.url()).searchParams.get('query') :
    /^application\/sparql-query/.test(type) ? req.postData() :
    new URLSearchParams(req.postData() || '').get('query');

  check(sent === QUESTION, 'the run button sent another query: ' +
    JSON.stringify(sent));

  const rows = page.locator('#yasgui .tabPanel.active .yasr table.dataTable tbody tr');

  await rows.filter({ hasText: NAME }).first().waitFor({ state: 'visible' })
    .catch(() => {});
  const table = await page.locator('#yasgui .tabPanel.active .yasr')
    .innerText().catch(() => '');

  if (!check(table.includes(NAME), 'no ' + NAME + ' in the results: ' +
      JSON.stringify(table.slice(0, 500))))
    return null;
  console.log('results: ' + (await rows.count()) + ' rows, ' + NAME +
    ' among them');
  await page.screenshot({ path: path.join(outDir, 'query.png'), fullPage: true });

  /* Our IRIs link to the local entity page, not to w3id.org. */
  const link = rows.filter({ hasText: NAME }).first().locator('a.iri')
    .filter({ hasText: 'rur-linette' }).first();

  if (!check(await link.count() === 1, 'no link to ' + NAME +
      "'s IRI in its row of the results"))
    return null;
  const href = await link.getAttribute('href');

  check(href === ENTITY_PATH, NAME + "'s link is '" + href + "', not '" +
    ENTITY_PATH + "'");
  return link;
}

/* Step 2: follow the link, in a new tab or this one. */
async function follow(page, link, outDir) {
  const target = await link.getAttribute('target');
  let entity = page;

  if (target === '_blank') {
    const popup = page.waitForEvent('popup');

    await link.click();
    entity = await popup;
    await entity.waitForLoadState('load');
  } else {
    await Promise.all([
      page.waitForURL((u) => u.pathname === ENTITY_PATH, { waitUntil: 'load' }),
      link.click()
    ]);
  }
  const url = new URL(entity.url());

  if (!check(url.hostname === '127.0.0.1' && url.pathname === ENTITY_PATH,
      'the link led to ' + entity.url() + ', not ' + ENTITY_PATH))
    return;
  check(await entity.locator('body.entity').count() === 1,
    'the entity page has no body.entity');
  const h1 = (await entity.locator('main h1').first().innerText()
    .catch(() => '')).trim();

  check(h1 === NAME, "the entity page's heading is '" + h1 + "', not '" +
    NAME + "'");
  const marks = entity.locator('blockquote.passage mark');
  const count = await marks.count();
  const texts = await marks.allInnerTexts();

  check(count > 0 && texts.some((t) => t.trim() !== ''),
    'the entity page shows no marked passage (blockquote.passage mark)');
  check(texts.some((t) => t.includes(NAME)),
    'no passage of the entity page marks the name ' + NAME);
  check(await marks.first().isVisible(), 'the first marked passage is hidden');
  /* the site's style sheet is there (its rules, not just its link) */
  const rules = await entity.evaluate(() => {
    for (const s of document.styleSheets) {
      if (s.href && new URL(s.href).pathname === '/www/style.css')
        return s.cssRules.length;
    }
    return -1;
  });

  check(rules > 0, 'the entity page did not load /www/style.css (' + rules +
    ')');
  console.log('entity page: ' + entity.url() + ', ' + count + ' marked passages');
  await entity.screenshot({ path: path.join(outDir, 'entity.png'), fullPage: true });
}

async function main() {
  const [base0, outDir] = process.argv.slice(2);

  if (!base0 || !outDir || process.argv.length !== 4) {
    console.error('usage: node mission.js URL OUTDIR');
    process.exit(2);
  }
  const base = base0.replace(/\/+$/, '');

  fs.mkdirSync(outDir, { recursive: true });
  for (const f of ['query.png', 'entity.png'])
    fs.rmSync(path.join(outDir, f), { force: true });

  const watchdog = setTimeout(() => {
    console.log('FAIL: the mission took more than ' + TOTAL_MS / 1000 + ' s');
    process.exit(1);
  }, TOTAL_MS);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox'],
    timeout: STEP_MS
  });

  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      serviceWorkers: 'block'
    });
    let tabs = 0;

    context.setDefaultTimeout(STEP_MS);
    watchRequests(context);
    context.on('page', (p) => watch(p, 'tab ' + ++tabs));
    /* Nothing leaves the machine: a foreign request is reported by
     * watch() and aborted here. */
    await context.route((u) => !isLocal(u.href), (route) =>
      route.abort('blockedbyclient'));

    const page = await context.newPage();
    const link = await ask(page, base, outDir);

    if (link)
      await follow(page, link, outDir);
    /* late console errors (a table drawn after the answer, ...) */
    await page.waitForTimeout(300);
    await context.close();
  } catch (e) {
    problem((e && e.stack) || String(e));
  } finally {
    await browser.close().catch(() => {});
    clearTimeout(watchdog);
  }
  console.log(requests.length + ' requests, ' +
    requests.filter((r) => !isLocal(r.replace(/^\S+ /, ''))).length +
    ' to another host');
  if (problems.length) {
    console.log('mission: ' + problems.length + ' problem(s)');
    process.exit(1);
  }
  console.log('mission: ok (' + path.join(outDir, 'query.png') + ', ' +
    path.join(outDir, 'entity.png') + ')');
}

main().catch((e) => {
  console.log('FAIL: ' + ((e && e.stack) || e));
  process.exit(1);
});
