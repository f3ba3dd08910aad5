// The citizen's phone: live position and expected wait, and the desk when called (with vibration
// and a notification where the browser allows). "I am leaving" gives the number up.
(function () {
  const body = document.body;
  const ticketId = body.dataset.ticket;
  const all = JSON.parse(document.getElementById('texts').textContent);
  const el = Live.el;
  const $ = function (id) { return document.getElementById(id); };
  let lang = null;
  let t = all.da;
  let last = null;
  let lastState = null;
  let shown = null; // what is on screen, so an unchanged ticket is not redrawn (nor announced again)
  const title = document.title;
  // Where this ticket came from, when the holder's page of a ticket moved to another branch led here.
  let movedHere = null;
  try { movedHere = JSON.parse(sessionStorage.getItem('moved:' + ticketId)); } catch (e) { /* private mode */ }

  function setLanguage(l) {
    lang = l;
    t = all[lang];
    document.documentElement.lang = lang;
    const other = lang === 'da' ? 'en' : 'da';
    $('language').textContent = all[other]['phone.languageName'];
    $('language').lang = other;
  }

  function alertCalled(tk) {
    const text = tk.number + ': ' + Live.format(t['phone.goTo'], { desk: tk.deskName });
    document.title = text;
    if (navigator.vibrate) navigator.vibrate([400, 150, 400, 150, 400]);
    if (window.Notification && Notification.permission === 'granted') {
      try { new Notification(t['phone.called'], { body: text, tag: ticketId }); } catch (e) { /* some phones allow it only from a service worker */ }
    }
  }

  /** "Moved to {branch}: {service}, no. {number}", or that the move is on its way. */
  function movedTo(m) {
    const service = m.serviceName ? m.serviceName[lang] || m.serviceName.da : m.service;
    return el('p', { class: 'moved', id: 'moved-to', text: Live.format(t[m.number ? 'phone.movedTo' : 'phone.moving'],
      { branch: m.branchName, service: service, number: m.number }) });
  }

  function show(tk) {
    last = tk;
    if (lang === null) setLanguage(tk.language === 'en' ? 'en' : 'da');
    const key = [lang, tk.state, tk.service, tk.position, Math.round((tk.estimatedWaitSeconds || 0) / 60), tk.deskName,
      !!tk.unserved, window.Notification ? Notification.permission : '', tk.movedTo ? tk.movedTo.number : ''].join('|');
    if (key === shown) return;
    shown = key;
    if (tk.movedTo) {
      // Moved to another branch: say where, and follow the new ticket from there on.
      $('status').replaceChildren(movedTo(tk.movedTo));
      $('leave').hidden = true;
      if (tk.movedTo.ticket) {
        try { sessionStorage.setItem('moved:' + tk.movedTo.ticket, JSON.stringify(tk.movedTo)); } catch (e) { /* private mode */ }
        location.replace('/t/' + encodeURIComponent(tk.movedTo.ticket));
      }
      return;
    }
    const parts = [el('p', { class: 'label', text: t['phone.yourNumber'] }),
      el('p', { class: 'ticket-number', id: 'ticket-number', text: tk.number }),
      el('p', { class: 'ticket-service', text: tk.serviceName[lang] })];
    if (movedHere) parts.unshift(movedTo(movedHere));
    if (tk.state === 'waiting') {
      if (tk.movedFrom) {
        parts.push(el('p', { class: 'moved', id: 'moved', text: Live.format(t['phone.movedFrom'], { service: tk.movedFrom[lang] || tk.movedFrom.da }) }));
      }
      parts.push(el('p', { class: 'position', id: 'position', text: Live.format(t['phone.position'], { n: tk.position }) }));
      if (tk.unserved) {
        // Nobody serves this queue now (its last desk closed or paused): no wait to promise.
        parts.push(el('p', { class: 'unserved', id: 'unserved', text: t['phone.unserved'] }));
      } else if (tk.estimatedWaitSeconds !== undefined && tk.estimatedWaitSeconds !== null) {
        parts.push(el('p', { class: 'wait', id: 'wait', text: tk.estimatedWaitSeconds < 60 ? t['common.noWait']
          : Live.format(t['phone.wait'], { w: Live.wait(tk.estimatedWaitSeconds, tk.estimatedWaitRangeSeconds, t) }) }));
      }
      parts.push(el('p', { class: 'muted', text: t['phone.keepOpen'] }));
      document.title = title;
    } else if (tk.state === 'called') {
      parts.push(el('p', { class: 'called', id: 'called', text: t['phone.called'] }));
      parts.push(el('p', { class: 'go-to', id: 'go-to', text: Live.format(t['phone.goTo'], { desk: tk.deskName }) }));
      if (lastState !== null && lastState !== 'called') alertCalled(tk);
    } else if (tk.state === 'serving') {
      parts.push(el('p', { class: 'go-to', text: Live.format(t['phone.serving'], { desk: tk.deskName }) }));
    } else {
      const key = tk.state === 'done' ? 'phone.done' : tk.state === 'no_show' ? 'phone.noShow'
        : tk.message ? 'phone.withdrawn' : 'phone.cancelled';
      parts.push(el('p', { class: 'ended', id: 'ended', text: t[key] }));
      // What the staff who closed the last desk of its queue told those waiting, in their own words.
      if (tk.message) parts.push(el('p', { class: 'staff-message', id: 'staff-message', text: tk.message }));
    }
    lastState = tk.state;
    body.dataset.state = tk.state;
    $('status').replaceChildren.apply($('status'), parts);
    const leave = $('leave');
    leave.textContent = t['phone.leave'];
    leave.hidden = !(tk.state === 'waiting' || tk.state === 'called');
    const notify = $('notify');
    notify.textContent = t['phone.notify'];
    notify.hidden = !(tk.state === 'waiting' && window.Notification && Notification.permission === 'default');
  }

  function refresh() {
    Live.request('/api/tickets/' + encodeURIComponent(ticketId)).then(function (r) {
      if (r.status === 404) {
        $('status').replaceChildren(el('p', { class: 'ended', text: t['phone.unknown'] }));
        return null;
      }
      return r.ok ? r.json() : null;
    }).then(function (tk) { if (tk) show(tk); }).catch(function () { /* the stream marks us offline */ });
  }

  $('leave').addEventListener('click', function () {
    if (!confirm(t['phone.confirmLeave'])) return;
    Live.request('/api/tickets/' + encodeURIComponent(ticketId), { method: 'DELETE' }).then(refresh);
  });
  $('notify').addEventListener('click', function () {
    Notification.requestPermission().then(function () { if (last) show(last); });
  });
  $('language').addEventListener('click', function () {
    setLanguage(lang === 'da' ? 'en' : 'da');
    if (last) show(last);
  });

  refresh();
  // The ticket's own stream: its state, place and desk, never anything else of the branch.
  Live.connect('/api/tickets/' + encodeURIComponent(ticketId) + '/events?client=phone',
    { ticket: function (data) { show(JSON.parse(data)); } }, { marker: $('offline'), stale: $('status') });
})();
