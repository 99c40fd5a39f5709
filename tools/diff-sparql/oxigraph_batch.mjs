// oxigraph_batch.mjs - the reference side of `make diff-sparql`.
// argv: JOB.json.  The job names the data set and the queries:
//   {"oxigraph": "<dir holding node_modules/oxigraph>",
//    "default": ["a.ttl", "b.nt"], "named": [["http://g/1", "g1.ttl"]],
//    "union": true|false, "outdir": "DIR", "queries": [["id", "q.rq", "SELECT"], ...]}
// (the form, SELECT|ASK|CONSTRUCT|DESCRIBE, chooses the result format)
// Loads the data once into an in-memory Oxigraph store (npm oxigraph, WASM),
// then runs each query once and writes its result to OUTDIR/<id>.srj
// (SELECT/ASK: SPARQL JSON results) or OUTDIR/<id>.nt (CONSTRUCT/DESCRIBE).
// With "union", the default graph is the union of all graphs, as in
// mednum-kg.  Prints one JSON object per line:
//   {"ev":"load","ms":..,"quads":..}      {"ev":"start","id":..}
//   {"ev":"result","id":..,"ms":..,"file":..}
//   {"ev":"result","id":..,"ms":..,"error":".."}   {"ev":"done","version":..}
// A query that never returns is the caller's to kill (per-query timeout).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const require = createRequire(path.join(path.resolve(job.oxigraph), 'x.js'));
const ox = require('oxigraph');
const version = require('oxigraph/package.json').version;
const say = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const ms = () => Number(process.hrtime.bigint()) / 1e6;

function mime(file) {
  return file.endsWith('.nt') ? 'application/n-triples' : 'text/turtle';
}

let t0 = ms();
const store = new ox.Store();
try {
  for (const f of job.default) {
    store.load(fs.readFileSync(f, 'utf8'), { format: mime(f) });
  }
  for (const [iri, f] of job.named) {
    store.load(fs.readFileSync(f, 'utf8'),
               { format: mime(f), to_graph_name: ox.namedNode(iri) });
  }
} catch (e) {
  say({ ev: 'loaderror', error: String((e && e.message) || e).slice(0, 300) });
  process.exit(3);
}
say({ ev: 'load', ms: ms() - t0, quads: store.size });
fs.mkdirSync(job.outdir, { recursive: true });

for (const [id, qf, form] of job.queries) {
  const text = fs.readFileSync(qf, 'utf8');
  const graph = ['CONSTRUCT', 'DESCRIBE'].includes(form);
  const fmt = graph ? 'application/n-triples' : 'application/sparql-results+json';
  say({ ev: 'start', id });
  t0 = ms();
  try {
    const out = store.query(text, { results_format: fmt,
                                    use_default_graph_as_union: !!job.union });
    const file = path.join(job.outdir, `${id}.${graph ? 'nt' : 'srj'}`);
    fs.writeFileSync(file, out);
    say({ ev: 'result', id, ms: ms() - t0, file });
  } catch (e) {
    say({ ev: 'result', id, ms: ms() - t0,
          error: String((e && e.message) || e).split('\n')[0].slice(0, 300) });
  }
}
say({ ev: 'done', version });
