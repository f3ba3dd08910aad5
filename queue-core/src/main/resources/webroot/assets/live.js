// Live updates over Server-Sent Events, shared by every page. Reconnects with backoff and marks the
// page as not live (after a few seconds without a connection) so nobody trusts stale numbers.
window.Live = (function () {
  // Where the other nodes are, when the page knows (a JSON block, as the page may run no inline script);
  // behind a load balancer the list is empty and the page's own address is the way to any node.
  const listed = document.getElementById('queue-nodes');
  const nodes = (listed ? JSON.parse(listed.textContent) : []).filter(function (n) { return n !== location.origin; });
  let node = -1; // -1: the node that served the page

  function url(path) {
    return (node < 0 ? '' : nodes[node]) + path;
  }

  // The node in use did not answer: move to the next one.
  function moveOn() {
    if (nodes.length > 0) node = node + 1 < nodes.length ? node + 1 : -1;
  }

  function connect(path, handlers, options) {
    options = options || {};
    const marker = options.marker;
    const stale = options.stale;
    let source = null;
    let lastId = null;
    let delay = 1000;
    let offlineTimer = null;

    function offline() {
      if (offlineTimer) return;
      offlineTimer = setTimeout(function () {
        if (marker) marker.classList.add('shown');
        if (stale) stale.classList.add('stale');
      }, 3000);
    }
    function online() {
      clearTimeout(offlineTimer);
      offlineTimer = null;
      delay = 1000;
      if (marker) marker.classList.remove('shown');
      if (stale) stale.classList.remove('stale');
    }
    let failures = 0;
    let stopped = false;
    function retry() {
      // The browser gave up, or this node keeps failing: try the next node, slower each round.
      if (source) source.close();
      failures = 0;
      moveOn();
      setTimeout(open, delay);
      delay = Math.min(delay * 2, 15000);
    }
    function deliver(name, data, id) {
      if (id) lastId = id;
      online();
      handlers[name](data, { lastEventId: id });
    }
    function open() {
      if (stopped) return;
      if (options.headers) { openWithHeaders(); return; }
      const sep = path.indexOf('?') < 0 ? '?' : '&';
      const target = url(path);
      source = new EventSource(lastId === null ? target : target + sep + 'lastEventId=' + encodeURIComponent(lastId));
      source.onopen = function () { failures = 0; online(); };
      Object.keys(handlers).forEach(function (name) {
        source.addEventListener(name, function (e) { deliver(name, e.data, e.lastEventId); });
      });
      source.onerror = function () {
        offline();
        failures++;
        if (source.readyState === EventSource.CLOSED || (nodes.length > 0 && failures >= 2)) retry();
      };
    }
    // EventSource cannot send a header: a stream that needs one (a staff token) is read with fetch.
    function openWithHeaders() {
      const controller = new AbortController();
      source = { close: function () { controller.abort(); } };
      const headers = Object.assign({ Accept: 'text/event-stream' }, options.headers);
      if (lastId !== null) headers['Last-Event-ID'] = lastId;
      fetch(url(path), { headers: headers, signal: controller.signal }).then(function (r) {
        if (r.status === 401 && options.unauthorized) {
          // The node does not know the sign-in (it ran out, or the node restarted alone): no retry
          // can help; the page says so now, before anyone acts on a screen that looks signed in.
          stopped = true;
          online();
          options.unauthorized();
          return;
        }
        if (!r.ok) throw new Error('HTTP ' + r.status);
        failures = 0;
        online();
        const reader = r.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) throw new Error('closed');
            buffer += decoder.decode(chunk.value, { stream: true });
            let end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              dispatch(buffer.slice(0, end));
              buffer = buffer.slice(end + 2);
            }
            return pump();
          });
        }
        return pump();
      }).catch(function () {
        if (stopped || controller.signal.aborted) return;
        offline();
        retry();
      });
    }
    function dispatch(block) {
      let name = 'message';
      let id = null;
      const data = [];
      block.split('\n').forEach(function (line) {
        const colon = line.indexOf(':');
        if (colon === 0) return;
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.charAt(0) === ' ') value = value.slice(1);
        if (field === 'event') name = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id') id = value;
      });
      if (data.length > 0 && handlers[name]) deliver(name, data.join('\n'), id);
    }
    open();
    return { close: function () { stopped = true; if (source) source.close(); } };
  }

  // A request to the node in use; when it does not answer, the next request goes to the next node.
  function request(path, options) {
    return fetch(url(path), options).catch(function (e) { moveOn(); throw e; });
  }

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values[k] === undefined ? m : values[k]; });
  }

  function minutes(seconds, t) {
    if (seconds === undefined || seconds === null) return '';
    if (seconds < 60) return t['common.noWait'];
    return format(t['common.minutes'], { n: Math.round(seconds / 60) });
  }

  // An expected wait: its range ("10–15 min") where the API gives one, else about how long.
  function wait(seconds, range, t) {
    if (!range || seconds === undefined || seconds === null) return minutes(seconds, t);
    return format(t['common.minutesRange'], { a: Math.round(range[0] / 60), b: Math.round(range[1] / 60) });
  }

  // How long something has lasted: "4 min".
  function duration(seconds, t) {
    return format(t['common.duration'], { n: Math.max(0, Math.floor(seconds / 60)) });
  }

  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k.indexOf('on') === 0) e.addEventListener(k.substring(2), attrs[k]);
      else if (attrs[k] !== false && attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }

  // "10:00" today, "i morgen 10:00" tomorrow, otherwise the weekday.
  function when(iso, zone, lang, t) {
    const d = new Date(iso);
    const locale = lang === 'en' ? 'en-GB' : 'da-DK';
    const day = function (x) { return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(x); };
    const time = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(d);
    const today = new Date();
    const tomorrow = new Date(today.getTime() + 86400000);
    if (day(d) === day(today)) return time;
    if (day(d) === day(tomorrow)) return t['common.tomorrow'] + ' ' + time;
    return new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'long' }).format(d) + ' ' + time;
  }

  return { connect: connect, request: request, url: url, format: format, minutes: minutes, wait: wait, duration: duration, el: el, when: when };
})();
