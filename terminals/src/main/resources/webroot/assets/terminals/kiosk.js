// The kiosk: services grouped and kept live from the branch's event stream; a tap takes a ticket.
(function () {
  const body = document.body;
  const branch = body.dataset.branch;
  const zone = body.dataset.zone;
  const all = JSON.parse(document.getElementById('texts').textContent);
  const GROUPS = ['borgerservice', 'bibliotek', 'digital'];
  const IDLE_MS = 20000;
  let lang = 'da';
  let t = all[lang];
  let snapshot = null;
  let idleTimer = null;
  const el = Live.el;

  function show(id) {
    ['choose', 'ticket', 'unavailable'].forEach(function (s) { document.getElementById(s).hidden = s !== id; });
  }

  function home() {
    clearTimeout(idleTimer);
    show('choose');
    render();
  }

  function idleBack() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(function () { setLanguage('da'); home(); }, IDLE_MS);
  }

  function setLanguage(l) {
    lang = l;
    t = all[lang];
    document.documentElement.lang = lang;
    document.getElementById('k-title').textContent = t['kiosk.title'];
    document.getElementById('k-choose').textContent = t['kiosk.choose'];
    const button = document.getElementById('language');
    button.textContent = t['kiosk.otherLanguage'];
    button.lang = t['kiosk.otherLanguageCode'];
    render();
  }

  function statusOf(s) {
    if (s.appointmentOnly) return t['kiosk.appointmentOnly'];
    if (s.available) {
      return t['kiosk.available'] + ' · ' + Live.format(t['kiosk.waiting'], { n: s.waiting }) + ' · ' + Live.minutes(s.estimatedWaitSeconds, t);
    }
    if (s.opensAt) return Live.format(t['kiosk.opensAt'], { t: Live.when(s.opensAt, zone, lang, t) });
    return t['kiosk.unavailable'];
  }

  function render() {
    if (!snapshot) return;
    const groups = document.getElementById('groups');
    groups.replaceChildren();
    GROUPS.forEach(function (g) {
      const services = snapshot.services.filter(function (s) { return s.group === g; });
      if (services.length === 0) return;
      const list = el('div', { class: 'service-buttons' });
      services.forEach(function (s) {
        const open = s.available && !s.appointmentOnly;
        list.appendChild(el('button', {
          type: 'button', class: 'service-button' + (open ? '' : ' closed'), 'data-service': s.id,
          'aria-disabled': open ? null : 'true', onclick: function () { take(s); }
        }, [el('span', { class: 'name', text: s.name[lang] }), el('span', { class: 'status', text: statusOf(s) })]));
      });
      groups.appendChild(el('section', { class: 'group' }, [el('h3', { text: t['kiosk.group.' + g] }), list]));
    });
  }

  function take(service) {
    idleBack();
    Live.request('/api/branches/' + encodeURIComponent(branch) + '/tickets', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ service: service.id, channel: 'kiosk', language: lang })
    }).then(function (r) {
      return r.json().then(function (body) { return { status: r.status, body: body }; });
    }).then(function (r) {
      if (r.status === 201) ticket(r.body);
      else if (r.status === 409 && r.body.error === 'service_unavailable') unavailable(service, r.body);
      else failed(r.body.message);
    }).catch(function () { failed(); });
  }

  function ticket(tk) {
    const box = document.getElementById('ticket');
    const phoneUrl = location.origin + '/t/' + encodeURIComponent(tk.id);
    box.replaceChildren(
      el('p', { class: 'label', text: t['kiosk.yourNumber'] }),
      el('p', { class: 'ticket-number', id: 'ticket-number', text: tk.number }),
      el('p', { class: 'ticket-service', text: tk.serviceName[lang] }),
      el('p', { class: 'ticket-wait', text: t['kiosk.expectedWait'] + ': ' + Live.minutes(tk.estimatedWaitSeconds || 0, t) }),
      el('p', {}, [t['kiosk.followOnPhone'] + ': ', el('a', { href: phoneUrl, id: 'phone-link', text: phoneUrl })]),
      el('button', { type: 'button', class: 'big', onclick: home, text: t['kiosk.ok'] }));
    show('ticket');
  }

  function unavailable(service, answer) {
    const box = document.getElementById('unavailable');
    const name = service.name[lang];
    const parts = [el('h2', { text: Live.format(t['kiosk.unavailableTitle'], { service: name }) })];
    if (answer.appointmentOnly) parts.push(el('p', { text: Live.format(t['kiosk.appointmentText'], { service: name }) }));
    if (answer.nextOpening) parts.push(el('p', { text: Live.format(t['kiosk.nextOpening'], { t: Live.when(answer.nextOpening, zone, lang, t) }) }));
    if (answer.alternatives && answer.alternatives.length > 0) {
      parts.push(el('h3', { text: t['kiosk.elsewhere'] }));
      parts.push(el('ul', { class: 'alternatives' }, answer.alternatives.map(function (a) {
        const text = a.available ? Live.format(t['kiosk.elsewhereOpen'], { w: Live.minutes(a.estimatedWaitSeconds || 0, t) })
          : t['kiosk.elsewhereClosed'];
        return el('li', { class: a.available ? 'open' : 'closed' }, [el('strong', { text: a.name }), ' – ' + text]);
      })));
    }
    parts.push(el('button', { type: 'button', class: 'big', onclick: home, text: t['common.back'] }));
    box.replaceChildren.apply(box, parts);
    show('unavailable');
  }

  function failed(message) {
    const box = document.getElementById('unavailable');
    box.replaceChildren(el('p', { class: 'error-box', text: t['common.error'] }),
      el('button', { type: 'button', class: 'big', onclick: home, text: t['common.back'] }));
    show('unavailable');
  }

  document.getElementById('language').addEventListener('click', function () {
    setLanguage(lang === 'da' ? 'en' : 'da');
    idleBack();
  });
  document.addEventListener('pointerdown', function () { if (!document.getElementById('choose').hidden && lang === 'da') return; idleBack(); });

  function update(data) {
    const d = JSON.parse(data);
    snapshot = d.snapshot || d;
    if (!document.getElementById('choose').hidden) render();
  }
  Live.connect('/api/branches/' + encodeURIComponent(branch) + '/events?client=kiosk',
    { snapshot: update, change: update },
    { marker: document.getElementById('offline'), stale: document.getElementById('groups') });
})();
