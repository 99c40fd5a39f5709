/* app.js - the query page: YASGUI on this server's /sparql, the named
 * queries of /queries, and links from results to the local entity pages.
 *
 * Nothing here or in the vendored editor reaches another host: the
 * endpoint is fixed to this origin, the autocompleters that call web
 * services (LOV for classes and properties) are off, prefixes come from
 * the list bundled in the editor, and YASR's documentation links are
 * not drawn.  Data from the server only enters the page as text
 * (textContent, attributes), never as HTML.
 */
(function () {
  'use strict';

  var ENDPOINT = location.origin + '/sparql';
  var ID_BASE = 'https://w3id.org/mednum-kg/id/';
  var FORMATS = ['csv', 'json', 'tsv', 'xml'];

  /* The mission's question: which initiatives address mobility in the
   * Indre?  (mnc:theme/mobilite is not a prefixed name: '/' is not allowed
   * in its local part, hence the full IRI.) */
  var START_QUERY = [
    'PREFIX mn: <https://w3id.org/mednum-kg/def#>',
    'PREFIX mnc: <https://w3id.org/mednum-kg/concept/>',
    'PREFIX mnid: <https://w3id.org/mednum-kg/id/>',
    'PREFIX schema: <http://schema.org/>',
    'PREFIX dcterms: <http://purl.org/dc/terms/>',
    'PREFIX skos: <http://www.w3.org/2004/02/skos/core#>',
    'PREFIX igeo: <http://rdf.insee.fr/def/geo#>',
    'PREFIX prov: <http://www.w3.org/ns/prov#>',
    'SELECT ?initiative ?name WHERE {',
    '  ?initiative a mn:Initiative ; schema:name ?name ;',
    '              dcterms:subject <https://w3id.org/mednum-kg/concept/theme/mobilite> ;',
    '              mn:inTerritory ?d .',
    '  ?d igeo:codeINSEE "36" .',
    '} ORDER BY ?name',
    ''
  ].join('\n');

  var yasgui = null;

  function $(id) {
    return document.getElementById(id);
  }

  function el(tag, text, className) {
    var e = document.createElement(tag);

    if (text !== undefined)
      e.textContent = text;
    if (className)
      e.className = className;
    return e;
  }

  function showError(id, text) {
    var p = $(id);

    p.textContent = text;
    p.hidden = false;
  }

  /* /id/REST for an IRI under ID_BASE: the server's entity page. */
  function entityPath(iri) {
    return '/id/' + iri.slice(ID_BASE.length).replace(/[?#]/g,
      function (c) { return encodeURIComponent(c); });
  }

  function escapeAttr(s) {
    return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
      .replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function sparqlUrl(query, format) {
    return '/sparql?' + new URLSearchParams({ query: query, format: format });
  }

  /* ------------------------------------------------------------ editor */

  /* Adjust the editor's classes before the first instance is made. */
  function patchYasgui(Y) {
    var Table = Y.Yasr.plugins.table;
    var cellLink = Table.prototype.getUriLinkFromBinding;

    /* Yasqe merges its arrays by index, so the list is cut here rather
     * than in the config: 'property' and 'class' ask lov.linkeddata.es. */
    Y.Yasqe.defaults.autocompleters = ['variables', 'prefixes'];
    Y.Yasqe.defaults.prefixCcApi = null;
    Y.Yasqe.Autocompleters.prefixes.persistenceId = 'mednum-kg_prefixes';
    /* Room for the starting query; a tab keeps its own height once the
     * editor is resized (Tab passes undefined, which merge skips). */
    Y.Yasqe.defaults.editorHeight = '350px';

    /* The table renders each cell as an HTML string (sanitised by
     * DOMPurify, attributes in double quotes); point our own IRIs at the
     * local entity page, keep the text and every other IRI as they are.
     * This runs for each page DataTables draws, not just the first. */
    Table.prototype.getUriLinkFromBinding = function (binding, prefixes) {
      var html = cellLink.call(this, binding, prefixes);

      if (typeof binding.value !== 'string' ||
          binding.value.indexOf(ID_BASE) !== 0)
        return html;
      return html.replace(/ href="[^"]*"/,
        ' href="' + escapeAttr(entityPath(binding.value)) + '"');
    };

    /* The "?" button of YASR links to the editor's web documentation. */
    Y.Yasr.prototype.drawDocumentationButton = function () {
      this.documentationLink = document.createElement('a'); /* not shown */
    };
  }

  function startYasgui() {
    var Y = window.Yasgui;

    if (typeof Y !== 'function') {
      $('yasgui-error').hidden = false;
      return;
    }
    patchYasgui(Y);
    yasgui = new Y($('yasgui'), {
      persistenceId: 'mednum-kg',
      tabName: 'Query',
      /* Every tab queries this server: a new tab does not inherit an
       * endpoint typed into another one, and a shared link (#...) that
       * names another endpoint is brought back to this one. */
      copyEndpointOnNewTab: false,
      populateFromUrl: function (tab) {
        tab.requestConfig = Object.assign({}, tab.requestConfig,
          { endpoint: ENDPOINT });
        return tab;
      },
      endpointCatalogueOptions: {
        getData: function () { return [{ endpoint: ENDPOINT }]; }
      },
      requestConfig: { endpoint: ENDPOINT, method: 'POST' },
      yasqe: { value: START_QUERY, prefixCcApi: null },
      yasr: { prefixes: { mnid: ID_BASE } }
    });
  }

  function currentQuery() {
    var tab = yasgui && yasgui.getTab();

    try {
      return tab ? tab.getQuery() : START_QUERY;
    } catch (e) {
      return START_QUERY;       /* the tab's editor is not drawn yet */
    }
  }

  /* The links are rebuilt just before they are used, so they always carry
   * the text in the editor, even before it is run or saved. */
  function setupDownloads() {
    var box = $('downloads');
    var refresh = function () {
      var links = box.querySelectorAll('a[data-format]');
      var query = currentQuery();
      var i;

      for (i = 0; i < links.length; i++)
        links[i].href = sparqlUrl(query, links[i].getAttribute('data-format'));
    };

    ['mouseover', 'focusin', 'click', 'contextmenu'].forEach(function (ev) {
      box.addEventListener(ev, refresh, true);
    });
    refresh();
  }

  /* ------------------------------------------------------------ named queries */

  function namedQueryUrl(q, values, format) {
    var args = new URLSearchParams();

    (q.params || []).forEach(function (p) {
      if (values[p.name] || p.required)
        args.append(p.name, values[p.name] || '');
    });
    args.append('format', format);
    return '/queries/' + encodeURIComponent(q.name) + '?' + args;
  }

  /* Summary, one input per parameter, and the GET links that run the
   * query by its name with those values. */
  function showDetail(q) {
    var params = $('example-params');
    var formats = $('example-formats');
    var values = {};
    var links = [];
    var update = function () {
      links.forEach(function (a) {
        a.href = namedQueryUrl(q, values, a.getAttribute('data-format'));
      });
      $('example-url').textContent = links[0].getAttribute('href');
    };

    $('example-summary').textContent = q.name + ': ' + (q.summary || '');
    params.replaceChildren();
    formats.replaceChildren();
    (q.params || []).forEach(function (p) {
      var label = el('label', '', 'param');
      var input = el('input');

      label.append(el('code', p.name),
        ' (' + (p.type || 'text') + (p.required ? ', required' : '') + ') ');
      input.type = 'text';
      input.placeholder = p.name;
      input.addEventListener('input', function () {
        values[p.name] = input.value.trim();
        update();
      });
      label.append(input, ' ', el('span', p.doc || '', 'note'));
      params.append(label);
    });
    if (!(q.params || []).length)
      params.append(el('p', 'No parameters.', 'note'));
    /* The CSV link is shown in full, the other formats after it. */
    $('example-url').setAttribute('data-format', FORMATS[0]);
    links.push($('example-url'));
    FORMATS.slice(1).forEach(function (f, i) {
      var a = el('a', f.toUpperCase());

      a.setAttribute('data-format', f);
      links.push(a);
      formats.append(i ? ' / ' : '', a);
    });
    update();
    $('example-detail').hidden = false;
  }

  /* A tab still holding the query as it came is selected again rather
   * than opened twice. */
  function openInNewTab(q) {
    if (!yasgui)
      return;
    yasgui.addTab(true, { name: q.name, yasqe: { value: q.query } },
      { avoidDuplicateTabs: true });
  }

  function setupExamples(queries) {
    var select = $('example-select');

    select.replaceChildren(el('option', queries.length ?
      'choose a query (' + queries.length + ')…' : 'no named queries'));
    select.firstChild.value = '';
    queries.forEach(function (q, i) {
      var o = el('option', q.name);

      o.value = String(i);
      o.title = q.summary || '';
      select.append(o);
    });
    select.disabled = !queries.length;
    select.addEventListener('change', function () {
      var q = queries[select.value];

      $('example-detail').hidden = !q;
      if (q) {
        showDetail(q);
        openInNewTab(q);
      }
    });
  }

  function loadExamples() {
    fetch('/queries', { headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok)
          throw new Error(r.status + ' ' + r.statusText);
        return r.json();
      })
      .then(function (body) {
        var queries = body && Array.isArray(body.queries) ? body.queries : [];

        setupExamples(queries.filter(function (q) {
          return q && typeof q.name === 'string' &&
            typeof q.query === 'string';
        }));
      })
      .catch(function (err) {
        $('example-select').replaceChildren(el('option', 'unavailable'));
        showError('examples-error',
          'Cannot read the named queries from /queries: ' + err.message);
      });
  }

  /* ------------------------------------------------------------ start */

  $('endpoint-link').textContent = ENDPOINT;
  startYasgui();
  setupDownloads();
  loadExamples();
}());
