// Live updates over Server-Sent Events, shared by every page. Reconnects with backoff and marks the
// page as not live (after a few seconds without a connection) so nobody trusts stale numbers.
window.Live = (function () {
  function connect(url, handlers, options) {
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
    function open() {
      const sep = url.indexOf('?') < 0 ? '?' : '&';
      source = new EventSource(lastId === null ? url : url + sep + 'lastEventId=' + encodeURIComponent(lastId));
      source.onopen = online;
      Object.keys(handlers).forEach(function (name) {
        source.addEventListener(name, function (e) {
          if (e.lastEventId) lastId = e.lastEventId;
          online();
          handlers[name](e.data, e);
        });
      });
      source.onerror = function () {
        offline();
        if (source.readyState === EventSource.CLOSED) {
          // The browser gave up (server down or an error answer): try again ourselves, slower each time.
          setTimeout(open, delay);
          delay = Math.min(delay * 2, 15000);
        }
      };
    }
    open();
    return { close: function () { if (source) source.close(); } };
  }

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values[k] === undefined ? m : values[k]; });
  }

  function minutes(seconds, t) {
    if (seconds === undefined || seconds === null) return '';
    if (seconds < 60) return t['common.noWait'];
    return format(t['common.minutes'], { n: Math.round(seconds / 60) });
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

  return { connect: connect, format: format, minutes: minutes, duration: duration, el: el, when: when };
})();
