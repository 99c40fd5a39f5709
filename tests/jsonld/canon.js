// canon.js MODE FILE - the canonical N-Quads (URDNA2015, sorted lines) of
// FILE, for tests/integration/t-jsonld.sh.  MODE "jsonld": FILE is a JSON-LD
// document, expanded by the jsonld package with no network (a remote
// context fails); MODE "nquads": FILE is N-Quads.  Exits 1 with a message
// on stderr when FILE is not valid JSON-LD (or N-Quads).  With
// MEDNUM_KG_CONTEXT=PATH, the published context's URL
// (https://w3id.org/mednum-kg/context.jsonld) is served from PATH.
'use strict';
const fs = require('fs');
const jsonld = require('jsonld');

const [mode, file] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const CONTEXT_URL = 'https://w3id.org/mednum-kg/context.jsonld';
const offline = async (url) => {
  if(url === CONTEXT_URL && process.env.MEDNUM_KG_CONTEXT) {
    return {contextUrl: null, documentUrl: url,
            document: JSON.parse(fs.readFileSync(process.env.MEDNUM_KG_CONTEXT, 'utf8'))};
  }
  throw new Error('no network in this test: remote document ' + url);
};

(async () => {
  const opts = {algorithm: 'URDNA2015', format: 'application/n-quads',
                documentLoader: offline, safe: true};
  let input;
  if(mode === 'jsonld') {
    input = JSON.parse(text);
  } else {
    // jsonld (like pyld before digitalbazaar/pyld#202) rewrites every
    // xsd:double value to its canonical form, also a string @value that
    // JSON-LD 1.1's Object to RDF Conversion keeps as it is: do the same
    // here, so that only real differences remain
    input = text.replace(
      /"([^"\\]*)"\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#double>/g,
      (m, v) => '"' + parseFloat(v).toExponential(15).replace(/(\d)0*e\+?/, '$1E') +
                '"^^<http://www.w3.org/2001/XMLSchema#double>');
    opts.inputFormat = 'application/n-quads';
  }
  const out = await jsonld.canonize(input, opts);
  process.stdout.write(out);
})().catch((e) => {
  console.error('canon.js: ' + file + ': ' + (e.message || e) +
                (e.details ? ' ' + JSON.stringify(e.details).slice(0, 400) : ''));
  process.exit(1);
});
