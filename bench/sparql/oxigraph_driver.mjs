// oxigraph_driver.mjs - the reference side of `make bench-sparql`.
// argv: DATA.ttl OUTDIR RUNS BUDGET_S QUERY.rq...
// Loads DATA once into an in-memory Oxigraph store (npm oxigraph, WASM), then
// runs each query up to RUNS times (stopping once BUDGET_S seconds were spent
// on it) and writes the last result to OUTDIR/<query>.srj (SELECT/ASK) or
// .nt (CONSTRUCT/DESCRIBE).  Prints one JSON object per line:
//   {"ev":"load","ms":..,"triples":..}  {"ev":"result","q":..,"ms":[..],"file":..}
//   {"ev":"result","q":..,"error":".."}  {"ev":"done","version":..,"maxrss_kb":..}
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ox = require('oxigraph');
const version = require('oxigraph/package.json').version;
const say = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const ms = () => Number(process.hrtime.bigint()) / 1e6;

function form(text) {
  const t = text.replace(/#[^\n]*/g, ' ')
    .replace(/\b(PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s+<[^>]*>)/gi, ' ');
  const m = /^\s*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.exec(t);
  return m ? m[1].toUpperCase() : 'SELECT';
}

const [data, outdir, runsS, budgetS, ...queries] = process.argv.slice(2);
const runs = parseInt(runsS, 10);
const budget = parseFloat(budgetS) * 1000;
fs.mkdirSync(outdir, { recursive: true });

let t0 = ms();
const store = new ox.Store();
store.load(fs.readFileSync(data, 'utf8'), { format: 'text/turtle' });
say({ ev: 'load', ms: ms() - t0, triples: store.size });

for (const qf of queries) {
  const q = path.basename(qf, '.rq');
  const text = fs.readFileSync(qf, 'utf8');
  const graph = ['CONSTRUCT', 'DESCRIBE'].includes(form(text));
  const fmt = graph ? 'application/n-triples' : 'application/sparql-results+json';
  const times = [];
  let out = null;
  try {
    let spent = 0;
    for (let i = 0; i < runs && (i === 0 || spent < budget); i++) {
      t0 = ms();
      out = store.query(text, { results_format: fmt });
      const dt = ms() - t0;
      times.push(dt);
      spent += dt;
    }
    const file = path.join(outdir, `${q}.${graph ? 'nt' : 'srj'}`);
    fs.writeFileSync(file, out);
    say({ ev: 'result', q, ms: times, file });
  } catch (e) {
    say({ ev: 'result', q, ms: times, error: String((e && e.message) || e).slice(0, 300) });
  }
}
say({ ev: 'done', version, maxrss_kb: process.resourceUsage().maxRSS });
