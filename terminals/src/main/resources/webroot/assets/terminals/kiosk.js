// The kiosk: services grouped and kept live from the branch's event stream; a tap takes a ticket.
// Touch first, and just as usable with a keyboard or a screen reader: every target is a button.
(function () {
  const body = document.body;
  const branch = body.dataset.branch;
  const kiosk = body.dataset.kiosk;
  // The kiosk's device key: given once at /kiosk/<id>#key=..., then kept in this browser, never in the address.
  const keyName = 'queue.deviceKey.' + kiosk;
  const given = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (given) {
    localStorage.setItem(keyName, decodeURIComponent(given[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  const deviceKey = localStorage.getItem(keyName);
  function jsonHeaders() {
    const h = { 'Content-Type': 'application/json' };
    if (deviceKey) h['X-Device-Key'] = deviceKey;
    return h;
  }
  const zone = body.dataset.zone;
  const all = JSON.parse(document.getElementById('texts').textContent);
  const settings = JSON.parse(document.getElementById('settings').textContent);
  const GROUPS = ['borgerservice', 'bibliotek', 'digital'];
  const IDLE_MS = settings.idleSeconds * 1000;
  // A ticket whose receipt is not confirmed printed (the printer failed, or the browser printed, which
  // never tells whether paper came out) stays on screen this much longer, to be noted or scanned.
  const UNPRINTED_MS = Math.max(3 * IDLE_MS, 60000);
  const languages = settings.languages;
  let lang = languages[0];
  let t = all[lang];
  let snapshot = null;
  let idleTimer = null;
  let busy = false;
  let drawn = null; // what the start screen shows, so an unchanged snapshot is not redrawn
  const el = Live.el;
  const $ = function (id) { return document.getElementById(id); };

  function show(id) {
    ['choose', 'ticket', 'unavailable'].forEach(function (s) { $(s).hidden = s !== id; });
    body.dataset.view = id;
  }

  function home() {
    clearTimeout(idleTimer);
    idleTimer = null;
    busy = false;
    if (lang !== languages[0]) setLanguage(languages[0]);
    largeText(false);
    show('choose');
    $('idle-note').textContent = '';
    render();
    fit();
    window.scrollTo(0, 0);
  }

  // Untouched for a while away from the start (or in another language): back to the start.
  function idleBack(ms) {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(home, ms || IDLE_MS);
  }

  // Large text for poor sight: until the next person (the start again, after the ticket or idle).
  function largeText(on) {
    document.documentElement.classList.toggle('large-text', on);
    $('large-text').setAttribute('aria-pressed', String(on));
    fit();
  }

  function isLarge() { return document.documentElement.classList.contains('large-text'); }

  // Every service on the screen at once: the root's size (and with it every size in rem) comes down a
  // little, to at most a fifth below the mode's own, until the page needs no scrolling.
  function fit() {
    const root = document.documentElement;
    root.style.fontSize = '';
    if (body.dataset.view !== 'choose') return;
    const own = parseFloat(getComputedStyle(root).fontSize);
    let size = own;
    while (overflows() && size > own * 0.8) {
      size -= 0.5;
      root.style.fontSize = size + 'px';
    }
  }

  function overflows() {
    return document.documentElement.scrollHeight > window.innerHeight;
  }

  function setLanguage(l) {
    lang = l;
    t = all[lang];
    document.documentElement.lang = lang;
    $('k-title').textContent = t['kiosk.title'];
    $('k-choose').textContent = t['kiosk.choose'];
    const button = $('language');
    const next = languages[(languages.indexOf(lang) + 1) % languages.length];
    button.hidden = languages.length < 2;
    button.textContent = all[next]['kiosk.languageName'];
    button.lang = next;
    button.setAttribute('aria-label', all[next]['kiosk.chooseLanguage']);
    render();
  }

  function statusOf(s) {
    if (s.appointmentOnly) return t['kiosk.appointmentOnly'];
    if (s.unserved) return Live.format(t['kiosk.unserved'], { n: s.waiting });
    if (s.available) {
      return t['kiosk.available'] + ' · ' + Live.format(t['kiosk.waiting'], { n: s.waiting }) + ' · ' + waitText(s.estimatedWaitSeconds, false, s.estimatedWaitRangeSeconds);
    }
    if (s.opensAt) return Live.format(t['kiosk.opensAt'], { t: Live.when(s.opensAt, zone, lang, t) });
    return t['kiosk.unavailable'];
  }

  // "ventetid ca. 5 min" (or "Forventet ventetid: ca. 5 min" on the ticket), "Ingen ventetid" under a minute.
  function waitText(seconds, long, range) {
    if (!seconds || seconds < 60) return long ? t['common.noWait'] : t['common.noWait'].toLowerCase();
    return (long ? t['kiosk.expectedWait'] + ': ' : t['kiosk.wait'] + ' ') + Live.wait(seconds, range, t);
  }

  function isOpen(s) { return s.available && !s.appointmentOnly ? 1 : 0; }
  // On a closed day: "I dag er der lukket (Juledag). Vi åbner igen mandag 09:00."
  function closedToday() {
    const today = snapshot.today;
    if (!today || !today.closed) return '';
    const text = Live.format(t['kiosk.closedToday'], { reason: today.reason ? ' (' + today.reason[lang] + ')' : '' });
    return today.opensAt ? text + ' ' + Live.format(t['kiosk.opensAgain'], { t: Live.when(today.opensAt, zone, lang, t) }) : text;
  }

  function render() {
    if (!snapshot) return;
    const closed = closedToday();
    $('closed-today').textContent = closed;
    $('closed-today').hidden = !closed;
    const groups = $('groups');
    const key = lang + JSON.stringify(snapshot.services.map(function (s) { return [s.id, statusOf(s)]; }));
    if (key === drawn && groups.childElementCount > 0) return;
    drawn = key;
    // Keep the keyboard's (or screen reader's) place when the services change under it.
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.service : null;
    groups.replaceChildren();
    GROUPS.forEach(function (g) {
      const services = snapshot.services.filter(function (s) { return s.group === g; })
        .sort(function (a, b) { return isOpen(b) - isOpen(a); });
      if (services.length === 0) return;
      const list = el('div', { class: 'service-buttons' });
      services.forEach(function (s) {
        const open = isOpen(s) === 1;
        const bring = settings.bring[s.id];
        list.appendChild(el('button', {
          type: 'button', class: 'service-button' + (open ? ' open' : ' closed'), 'data-service': s.id,
          onclick: function () { take(s); }
        }, [el('span', { class: 'name', text: s.name[lang] }),
            el('span', { class: 'status', text: statusOf(s) }),
            bring && open ? el('span', { class: 'bring', text: t['kiosk.bring'] + ': ' + bring[lang] }) : null]));
      });
      groups.appendChild(el('section', { class: 'group', 'aria-label': t['kiosk.group.' + g] },
        [el('h3', { text: t['kiosk.group.' + g] }), list]));
    });
    fit();
    if (focused) {
      const again = groups.querySelector('[data-service="' + focused + '"]');
      if (again) again.focus();
    }
  }

  // One key per ticket asked for: "Prøv igen" sends the same key, so a ticket whose answer was lost
  // (or came back "unconfirmed") is given again, not a second one.
  function newKey() {
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), function (b) { return (b + 256).toString(16).substring(1); }).join('');
  }

  function take(service, key) {
    if (busy) return;
    busy = true;
    idleBack();
    key = key || newKey();
    Live.request('/api/branches/' + encodeURIComponent(branch) + '/tickets', {
      method: 'POST', headers: Object.assign(jsonHeaders(), { 'Idempotency-Key': key }),
      body: JSON.stringify({ service: service.id, channel: 'kiosk', language: lang, kiosk: kiosk })
    }).then(function (r) {
      return r.json().then(function (b) { return { status: r.status, body: b }; });
    }).then(function (r) {
      busy = false;
      if (r.status === 201) ticket(r.body);
      else if (r.status === 409 && r.body.error === 'service_unavailable') unavailable(service, r.body);
      else if (r.status === 429) tooMany(r.body);
      else failed(service, key);
    }).catch(function () { busy = false; failed(service, key); });
  }

  function ticket(tk) {
    const box = $('ticket');
    const phoneUrl = location.origin + '/t/' + encodeURIComponent(tk.id);
    const wait = tk.estimatedWaitSeconds === undefined || tk.estimatedWaitSeconds === null ? null
      : waitText(tk.estimatedWaitSeconds, true, tk.estimatedWaitRangeSeconds);
    const bring = settings.bring[tk.service];
    box.replaceChildren(
      el('div', { class: 'ticket-main' }, [
        el('p', { class: 'label', text: t['kiosk.yourNumber'] }),
        el('p', { class: 'ticket-number', id: 'ticket-number', text: tk.number }),
        el('p', { class: 'ticket-service', id: 'ticket-service', text: tk.serviceName[lang] }),
        wait ? el('p', { class: 'ticket-wait', id: 'ticket-wait', text: wait }) : null,
        bring ? el('p', { class: 'ticket-bring', text: t['kiosk.bring'] + ': ' + bring[lang] }) : null,
        el('p', { class: 'ticket-time print-only', text: body.dataset.branchName + ' · ' + Live.when(tk.issuedAt, zone, lang, t) }),
        el('p', { class: 'print-status', id: 'print-status', role: 'status' })]),
      el('div', { class: 'ticket-qr' }, [
        el('img', { id: 'qr', src: '/t/' + encodeURIComponent(tk.id) + '/qr.svg', alt: t['kiosk.qrAlt'], width: 220, height: 220 }),
        el('p', { class: 'qr-text', text: t['kiosk.followOnPhone'] }),
        el('a', { href: phoneUrl, id: 'phone-link', class: 'phone-link', text: phoneUrl.replace(/^https?:\/\//, '') })]),
      el('button', { type: 'button', class: 'big no-print', id: 'ticket-ok', onclick: home, text: t['kiosk.ok'] }));
    show('ticket');
    if (settings.printer) printReceipt(tk); else browserPrint();
    keepTicket(false);
  }

  // How long the ticket stays: the usual idle time once its receipt is printed, longer until then.
  function keepTicket(printed) {
    const ms = printed ? IDLE_MS : UNPRINTED_MS;
    $('idle-note').textContent = Live.format(t['kiosk.idleNote'], { s: Math.round(ms / 1000) });
    body.dataset.ticketSeconds = String(Math.round(ms / 1000));
    idleBack(ms);
  }

  // The kiosk's network printer, through the node; a failure leaves the ticket on screen and says so.
  function printReceipt(tk) {
    const status = $('print-status');
    status.textContent = t['kiosk.printing'];
    Live.request('/kiosk/' + encodeURIComponent(kiosk) + '/print', {
      method: 'POST', headers: jsonHeaders(), body: JSON.stringify({ ticket: tk.id })
    }).then(function (r) {
      status.textContent = r.ok ? t['kiosk.printed'] : Live.format(t['kiosk.printFailed'], { number: tk.number });
      status.className = 'print-status ' + (r.ok ? 'ok' : 'failed');
      if (r.ok && body.dataset.view === 'ticket') keepTicket(true);
    }).catch(function () {
      status.textContent = Live.format(t['kiosk.printFailed'], { number: tk.number });
      status.className = 'print-status failed';
    });
  }

  // No network printer: the browser prints the 80 mm layout (kiosk browsers print without a dialog).
  function browserPrint() {
    setTimeout(function () { try { window.print(); } catch (e) { /* nothing to print on */ } }, 300);
  }

  function unavailable(service, answer) {
    const box = $('unavailable');
    const name = service.name[lang];
    const parts = [el('h2', { text: Live.format(t['kiosk.unavailableTitle'], { service: name }) })];
    if (answer.appointmentOnly) parts.push(el('p', { class: 'lead', text: Live.format(t['kiosk.appointmentText'], { service: name }) }));
    if (answer.nextOpening) {
      parts.push(el('p', { class: 'lead', id: 'next-opening', text: Live.format(t['kiosk.nextOpening'], { t: Live.when(answer.nextOpening, zone, lang, t) }) }));
    } else if (!answer.appointmentOnly) {
      parts.push(el('p', { class: 'lead', text: t['kiosk.noDeskNow'] }));
    }
    const alternatives = (answer.alternatives || []);
    if (alternatives.length > 0) {
      parts.push(el('h3', { text: t['kiosk.elsewhere'] }));
      parts.push(el('ul', { class: 'alternatives' }, alternatives.map(function (a) {
        let text;
        if (a.available) text = Live.format(t['kiosk.elsewhereOpen'], { w: Live.minutes(a.estimatedWaitSeconds || 0, t) });
        else if (a.opensAt) text = Live.format(t['kiosk.elsewhereOpens'], { t: Live.when(a.opensAt, zone, lang, t) });
        else text = t['kiosk.elsewhereClosed'];
        return el('li', { class: a.available ? 'open' : 'closed', 'data-branch': a.branch }, [el('strong', { text: a.name }), ' – ' + text]);
      })));
    }
    parts.push(el('button', { type: 'button', class: 'big', onclick: home, text: t['common.back'] }));
    box.replaceChildren.apply(box, parts);
    show('unavailable');
    idleBack();
  }

  function tooMany(answer) {
    const box = $('unavailable');
    box.replaceChildren(
      el('h2', { text: t['kiosk.tooManyTitle'] }),
      el('p', { class: 'lead', id: 'too-many', text: Live.format(t['kiosk.tooMany'], { s: answer.retryAfterSeconds || 60 }) }),
      el('button', { type: 'button', class: 'big', onclick: home, text: t['common.back'] }));
    show('unavailable');
    idleBack();
  }

  // The node did not answer (restarting, or the network): say so kindly and offer to try again.
  function failed(service, key) {
    const box = $('unavailable');
    box.replaceChildren(el('h2', { text: t['kiosk.failedTitle'] }),
      el('p', { class: 'lead', text: t['common.error'] }),
      el('div', { class: 'actions' }, [
        el('button', { type: 'button', class: 'big', id: 'retry', onclick: function () { take(service, key); }, text: t['kiosk.retry'] }),
        el('button', { type: 'button', class: 'big secondary', onclick: home, text: t['common.back'] })]));
    show('unavailable');
    idleBack();
  }

  $('language').addEventListener('click', function () {
    setLanguage(languages[(languages.indexOf(lang) + 1) % languages.length]);
    idleBack();
  });
  $('large-text').addEventListener('click', function () {
    largeText(!isLarge());
    idleBack();
  });
  ['pointerdown', 'keydown'].forEach(function (type) {
    document.addEventListener(type, function () {
      if (body.dataset.view === 'choose' && lang === languages[0] && !isLarge()) return;
      // On the ticket, a touch starts the ticket's own time again (see keepTicket).
      idleBack(body.dataset.view === 'ticket' ? Number(body.dataset.ticketSeconds) * 1000 : IDLE_MS);
    });
  });

  function update(data) {
    const d = JSON.parse(data);
    snapshot = d.snapshot || d;
    if (!$('choose').hidden) render();
  }
  setLanguage(lang);
  show('choose');
  Live.connect('/api/branches/' + encodeURIComponent(branch) + '/events?client=kiosk',
    { snapshot: update, change: update },
    { marker: $('offline'), stale: $('groups') });
  window.addEventListener('resize', fit);
})();
